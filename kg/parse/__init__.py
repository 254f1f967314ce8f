"""Stage 2, parse: articles in, sentences of UD tokens with exact offsets out.

``nlp`` runs Stanza (bundled or official models) or reads pre-parsed
CoNLL-U; ``ud`` reads and writes treebanks; ``training`` trains the bundled
models and ``ud_eval`` scores them (``kg models``).
"""
