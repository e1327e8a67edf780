#!/usr/bin/env python3
"""Builds items.json, Herald's story evaluation set, from the stories written in stories.py.

Each item is one outlet's report: a headline from the story's list for its language, two to four
of the story's body sentences in an order of its own, sometimes an outlet's stock sentence. Wire
copies re-publish an earlier report under another outlet and link: verbatim, under another of
the story's headlines, or with the original outlet credited at the end.
Then the reports of stories.FREE, written freely outside the sentence pools, are added as they are.
The seed is fixed: running it again gives the same file.
"""
import random
from datetime import datetime, timedelta, timezone

from stories import AR_FILLER, AR_OUTLETS, EN_FILLER, EN_OUTLETS, FREE, STORIES, write_items

START = datetime(2026, 1, 5, tzinfo=timezone.utc)


def main():
    rng = random.Random(7)
    items = []
    for story in STORIES:
        begin = START + timedelta(days=story["day"], hours=story["hour"])
        produced = []
        for language, count in (("en", story["en"]), ("ar", story["ar"])):
            titles = story[language + "_titles"]
            body = story[language + "_body"]
            outlets = list(EN_OUTLETS if language == "en" else AR_OUTLETS)
            rng.shuffle(outlets)
            filler = EN_FILLER if language == "en" else AR_FILLER
            for n in range(count):
                sentences = rng.sample(body, rng.randint(2, min(4, len(body))))
                if rng.random() < 0.3:
                    sentences.append(rng.choice(filler))
                outlet = outlets[n % len(outlets)]
                item = {
                    "story": story["id"],
                    "language": language,
                    "outlet": outlet,
                    "title": titles[n % len(titles)] if n < len(titles) else rng.choice(titles),
                    "body": " ".join(sentences),
                    "published": begin + timedelta(minutes=rng.randint(0, story["span"] * 60)),
                }
                produced.append(item)
        for _ in range(story["copies"]):
            original = rng.choice(produced)
            pool = EN_OUTLETS if original["language"] == "en" else AR_OUTLETS
            copy = dict(original)
            copy["outlet"] = rng.choice([o for o in pool if o != original["outlet"]])
            # Wire copies as outlets really run them: verbatim, under their own headline, or with
            # the agency credited at the end.
            kind = rng.choice(["verbatim", "retitled", "credited"])
            if kind == "retitled":
                copy["title"] = rng.choice([t for t in story[copy["language"] + "_titles"] if t != copy["title"]])
            elif kind == "credited":
                copy["body"] = original["body"] + " (" + original["outlet"] + ")"
            copy["published"] = original["published"] + timedelta(minutes=rng.randint(5, 240))
            copy["copy"] = True
            copy["copy_of"] = original
            produced.append(copy)
        items.extend(produced)
    starts = {story["id"]: START + timedelta(days=story["day"], hours=story["hour"]) for story in STORIES}
    for story_id, language, hours, title, body in FREE:
        items.append({
            "story": story_id,
            "language": language,
            "outlet": rng.choice(EN_OUTLETS if language == "en" else AR_OUTLETS),
            "title": title,
            "body": body,
            "published": starts[story_id] + timedelta(hours=hours, minutes=rng.randint(0, 59)),
            "free": True,
        })
    write_items(items, "e", "items.json")

if __name__ == "__main__":
    main()
