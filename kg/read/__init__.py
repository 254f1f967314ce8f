"""Stage 1, read: files in, :class:`kg.model.Article` objects out.

``articles`` walks a folder and turns each input into an article (or a
:class:`kg.model.Skipped` with a one-line reason); ``textfile`` decodes bytes,
``layout`` finds where the article starts, its boilerplate lines
(``boilerplate``), its dateline (``dateline``) and publication date
(``pubdate``); ``langid`` tells the language.
"""
