"""quizkit: question decks from news articles, studied with FSRS, printed for class."""

__version__ = "0.1.0"
