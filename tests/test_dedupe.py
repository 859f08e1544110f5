"""Dedupe: exact duplicates by normalised text; republications and wrapped copies found by containment."""

from __future__ import annotations

from newsprism.dedupe import CopyFinder, copy_signature, text_key

REPORT = " ".join([
    "A fire at a chemical depot on the Marlow Bay waterfront forced the evacuation of 1,200 homes on Wednesday.",
    "Fire Chief Tomas Reyes said crews kept the flames away from the solvent tanks through the night.",
    "At least 40 people were treated for smoke inhalation at the regional hospital, officials said.",
    "The depot's owner, Brightwater Chemicals, suspended operations and said it was cooperating with investigators.",
    "State inspectors had cited the depot for storage violations two years ago and fined the company $18,000.",
    "Residents are expected to return home on Friday once air quality tests are complete.",
])
REPUBLISHED = "Staff writer Ana Lind contributed to this report from the harbour.\n\n" + REPORT
BLOG = ("Once again a reckless chemical giant has put a whole town at risk, and once again the people in charge act "
        "surprised. Here is what the wire reported this morning.\n\n" + REPORT + "\n\nWill anyone be punished? Of "
        "course not. The lawyers are already drafting the apology, and the town will be told that lessons were learned.")
INDEPENDENT = " ".join([
    "Thousands of residents of Marlow Bay spent Wednesday night in shelters after flames engulfed a solvent store.",
    "The fire service said three neighbouring towns sent engines, and the blaze was under control by morning.",
    "Hospital staff treated dozens of people, most of them for breathing problems, a spokeswoman said.",
    "Brightwater Chemicals, which runs the store, has halted work there while the cause is investigated.",
])


def test_dedupe_text_key_ignores_case_spacing_and_punctuation():
    assert text_key(REPORT) == text_key("  " + REPORT.upper().replace(" ", "\n  ") + " !")
    assert text_key(REPORT) != text_key(REPUBLISHED)


def test_dedupe_finds_republication_and_wrapped_copy_not_an_independent_report():
    finder = CopyFinder()
    assert finder.add("report", copy_signature(REPORT)) is None
    republished = finder.add("republished", copy_signature(REPUBLISHED))
    blog = finder.add("blog", copy_signature(BLOG))
    assert republished.original_id == "report" and republished.resemblance > 0.8 and republished.containment > 0.9
    assert blog.original_id in ("report", "republished") and blog.containment > 0.8 and blog.resemblance < 0.8
    assert finder.add("independent", copy_signature(INDEPENDENT)) is None


def test_dedupe_finder_rebuilt_from_stored_signatures_finds_the_same_copy():
    stored = [("report", copy_signature(REPORT))]
    finder = CopyFinder()
    finder.load(stored)
    assert finder.add("blog", copy_signature(BLOG)).original_id == "report"


def test_dedupe_much_copied_report_still_links_to_its_original():
    finder = CopyFinder()
    finder.add("report", copy_signature(REPORT))
    links = [finder.add(f"copy-{n}", copy_signature(f"Filed by desk number {n} of the wire.\n\n" + REPORT)) for n in range(60)]
    assert all(link is not None and link.containment > 0.9 for link in links)
    assert links[-1].original_id == "report"
