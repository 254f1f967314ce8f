"""The build: the stages run in order, with a parse cache, a lock and progress.

``stages`` runs read → parse → extract → resolve → graph for a folder
(:func:`build`, re-exported as ``kg.build``); ``cache`` keeps parses and the
up-to-date record, ``lock`` keeps two builds out of one output folder,
``progress`` reports to the terminal.
"""
