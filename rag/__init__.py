"""cocom: question answering with cited passages over NHS co-commissioning news.

Importing this package does no work: models, indexes and the UI are built on demand.
"""

__version__ = "0.1.0"
