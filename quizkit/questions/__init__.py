"""Facts into notes: the questions a teacher would ask, made in stages one can see.

Each kind has a module that proposes candidates from the story's facts (officials,
truefalse, dates, numbers, participants, cloze, then timeline from the checked dates);
`checks` drops any candidate a learner could not read without the article, with a named
reason; `selection` keeps every fact asked, none too often, and spreads the kinds.
"""

from __future__ import annotations

from quizkit.questions.candidate import REASONS, Candidate, Drop, explain
from quizkit.questions.pipeline import Built, build, build_notes

__all__ = ["REASONS", "Built", "Candidate", "Drop", "build", "build_notes", "explain"]
