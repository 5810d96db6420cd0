"""Cutting a labelled transcript's turns into lead, question/answer pairs and closing (pure).

The convention: a run of asker turns is a question; the turns of one answerer after it are
its answer; when several answerers speak in turn after one question, each gets a pair with
that question::

    Q: What about Iran?                 question
    THE PRESIDENT: We're watching.      answer 1 (THE PRESIDENT)
    Q: Thank you.                       an interjection: under 8 words, no "?" — stays inside
    PRIME MINISTER: We agree.           answer 2 (PRIME MINISTER), same question

A greeting answered by an opening statement is lead; questions nobody answered are closing text.
"""

from __future__ import annotations

import dataclasses
import re

from .turns import INTERJECTION_WORDS, NEUTRAL_LABEL, PROMPT, UNLABELLED, Split, Turn

# A chair who hands over the floor asks nothing: what follows is an opening statement.
HAND_OVER = re.compile(
    r"\b(?:the floor is yours|you have the floor|over to you|i(?:'|’)ll hand (?:it )?over to you)\W*$", re.I
)
# ... or invites an opening statement: "I invite you to make a brief opening statement, after which …".
OPENING_INVITE = re.compile(
    r"\b(?:invite|ask|call on|call upon) (?:you|the witness(?:es)?|each of you|you both) to (?:make|give|deliver|begin with) "
    r"(?:a |an |your |some )?(?:brief |short )?(?:opening )?(?:statements?|remarks)\b",
    re.I,
)


def split_turns(
    turns: list[Turn],
    askers: set[str],
    interjections: bool = True,
    neither: set[str] = frozenset(),
    set_apart_ask: bool = False,
) -> Split:
    """Cut a transcript's turns into lead, pairs and closing by the convention above.

    ``interjections=False`` for written Q&A, where a short line ("Tell us about it.") is a
    question like any other. ``set_apart_ask`` where the questions are the paragraphs set apart
    (in bold) and the answers are labelled: a bold paragraph before a labelled answer asks,
    question mark or not ("**Let’s talk about the weather.**")."""
    out = Split()
    # Where no answer carries a label, an unlabelled paragraph after a question is the answer;
    # elsewhere it continues the turn before it.
    unlabelled_only = all(t.label in askers for t in turns if t.label)
    unlabelled_answers = not interjections or unlabelled_only

    def set_apart(i):  # a question set apart in bold or as a heading, unlabelled
        turn = turns[i]
        following = turns[i + 1] if i + 1 < len(turns) else None
        return (
            turn.label is None
            and turn.marked
            and (
                is_question(turn.text)
                or set_apart_ask
                and following is not None
                and following.label is not None
                and following.label not in askers
            )
        )

    asking = {i for i in range(len(turns)) if set_apart(i)}
    turns = _merge_continuations(turns, unlabelled_answers, unlabelled_only, asking)
    question: list[Turn] = []
    last_question: list[Turn] = []
    answer: list[Turn] = []

    def finish():
        nonlocal answer, last_question, question
        if answer:
            asked = question or last_question
            out.pairs.append(
                (
                    _question_text(asked),
                    _answer_text(answer),
                    answer[0].label,
                    next((t.label for t in reversed(asked) if t.label), ""),
                )
            )
            if question:
                last_question, question = question, []
        answer = []

    for i, turn in enumerate(turns):
        following = turns[i + 1] if i + 1 < len(turns) else None
        asks = turn.label in askers
        if turn.label is None and turn.asks:
            finish()  # a question set apart in bold or as a heading, unlabelled
            question.append(turn)
        elif turn.label and (turn.label in neither or NEUTRAL_LABEL.match(turn.label)):
            if answer or question:
                (answer or question).append(turn)
            else:
                out.lead.append(f"{turn.label}: {turn.text}")
        elif turn.label is None:
            if answer:
                answer.append(turn)
            elif (
                unlabelled_answers
                and question
                and question[-1].label is not None
                and (unlabelled_only or is_question(question[-1].text))
            ):
                answer = [Turn(UNLABELLED, turn.text, turn.line)]  # the interviewee's, unlabelled
                if UNLABELLED not in out.answerers:
                    out.answerers.append(UNLABELLED)
            elif question:
                question.append(turn)
            elif (
                turn.text.rstrip(' "”)').endswith("?")
                and following
                and following.label
                and following.label not in askers
            ):
                question.append(turn)  # an unlabelled question before a labelled answer
            else:
                out.lead.append(turn.text)
        elif asks:
            interjection = (
                interjections
                and "?" not in turn.text
                and word_count(turn.text) < INTERJECTION_WORDS
                and not PROMPT.match(turn.text)
            )
            greeted = (  # "¿Cómo están?" / "Bien, ¿y usted?": the reply to a greeting, before any question
                not question
                and not last_question
                and i > 0
                and turns[i - 1].label
                and turns[i - 1].label not in askers
                and turns[i - 1].text.rstrip().endswith("?")
                and word_count(turn.text) < INTERJECTION_WORDS
                and following is not None
                and following.label == turns[i - 1].label  # who greeted goes on: an opening statement
            )
            handed_over = "?" not in turn.text and (HAND_OVER.search(turn.text) or OPENING_INVITE.search(turn.text))
            if answer and interjection:
                answer.append(turn)
            elif handed_over and question and not last_question and not answer:
                # The chair's welcome, then the invitation to an opening statement: all lead.
                out.lead.extend(t.text for t in question)
                out.lead.append(turn.text)
                question = []
            elif (interjection or greeted or handed_over) and not question and not last_question:
                # Nothing asked yet: a greeting ("Good afternoon.") or a chair giving the floor
                # ("Mr Keith.") does not start the first question; if answered at once, what
                # answers it is an opening statement. Both are lead text. (Host introductions
                # of eight words or more lead into a question and stay with it.)
                out.lead.append(turn.text)
            else:
                finish()
                question.append(turn)
        else:
            if turn.label not in out.answerers:
                out.answerers.append(turn.label)
            if answer and answer[0].label == turn.label:
                answer.append(turn)
            elif question or last_question:
                finish()
                answer = [turn]
            else:
                out.lead.append(turn.text)  # an opening statement before any question
    finish()
    out.closing.extend(_question_text([t]) for t in question)
    return out


def _merge_continuations(
    turns: list[Turn], unlabelled_answers: bool, unlabelled_only: bool, asking: set[int]
) -> list[Turn]:
    """Fold unlabelled paragraphs into the labelled turn before them, unless they may be the
    unlabelled answer to it or ask (``asking``: the positions of questions set apart)."""
    merged: list[Turn] = []
    for i, turn in enumerate(turns):
        previous = merged[-1] if merged else None
        may_answer = unlabelled_answers and previous is not None and (unlabelled_only or is_question(previous.text))
        set_apart = i in asking
        if set_apart:
            turn = dataclasses.replace(turn, asks=True)
        if (
            turn.label is None
            and previous is not None
            and previous.label is not None
            and not may_answer
            and not set_apart
        ):
            text = previous.text + "\n\n" + turn.text if previous.text else turn.text  # a label on a line of its own
            merged[-1] = Turn(previous.label, text, previous.line)
        else:
            merged.append(turn)
    return merged


def _answered_next(turns: list[Turn], i: int, askers: set[str]) -> bool:
    """Whether the next labelled turn after turns[i] is an answerer's."""
    following = next((t for t in turns[i + 1 :] if t.label), None)
    return following is not None and following.label not in askers and not NEUTRAL_LABEL.match(following.label)


def word_count(text: str) -> int:
    """Words as a reader counts them: a dash or a lone punctuation mark is none."""
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))


def is_question(text: str) -> bool:
    return text.rstrip(' "”’)').endswith("?") or bool(PROMPT.match(text))


def _question_text(turns: list[Turn]) -> str:
    labels = {t.label for t in turns if t.label}
    if len(labels) <= 1:
        return "\n\n".join(t.text for t in turns)
    return "\n\n".join(f"{t.label}: {t.text}" if t.label else t.text for t in turns)


def _answer_text(turns: list[Turn]) -> str:
    speaker = turns[0].label
    return "\n\n".join(t.text if t.label in (None, speaker) else f"{t.label}: {t.text}" for t in turns)
