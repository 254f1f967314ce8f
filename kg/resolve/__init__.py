"""Stage 4, resolve: mentions of all articles in, one node per real-world entity and event out.

``entities`` gives each actor or place mention a language-neutral entity id
(``country/KP``, ``person/yoon-suk-yeol``); ``events`` clusters event
mentions into events across articles and links statements to what they
report.
"""
