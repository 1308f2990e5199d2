"""Small collections made from the bundled sample and hand-made pairs, for the collection tests."""

from __future__ import annotations

import shutil
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"

#: hand-made pairs: (Chinese, English) paragraphs, one sentence each
PAIRS = {
    "letter": (["我们收到了您的来信。", "合同将于下周签署。", "请尽快回复。"],
               ["We received your letter.", "The contract will be signed next week.", "Please reply soon."]),
    "memo": (["会议改到星期五。", "请带上报告。"], ["The meeting moved to Friday.", "Please bring the report."]),
}


def make_sources(folder: Path) -> Path:
    """A client's archive in one folder: the bundled mixed sample, the dialogue pair (tagged _cn/_en) and the
    hand-made pairs (tagged .zh/.en). Returns the folder."""
    from editor.resources import sample_path

    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(sample_path(), folder / "sample.txt")
    shutil.copy(DATA / "dlg_zh.txt", folder / "dialogue_cn.txt")
    shutil.copy(DATA / "dlg_en.txt", folder / "dialogue_en.txt")
    for name, (zh, en) in PAIRS.items():
        (folder / f"{name}.zh.txt").write_text("\n\n".join(zh) + "\n", encoding="utf-8")
        (folder / f"{name}.en.txt").write_text("\n\n".join(en) + "\n", encoding="utf-8")
    return folder


def make_collection(tmp_path: Path, mode: str = "fast"):
    """A collection folder with every document aligned and saved (the sample as a mixed document)."""
    from editor.collection import Collection, CollectionSettings, Pair, pair_folder
    from editor.workflow import ImportOptions, align_document, import_document

    sources = make_sources(tmp_path / "client")
    pairing = pair_folder(sources)
    [sample] = [p for p in pairing.unpaired if p.name == "sample.txt"]
    pairing.add(Pair("sample", sample))
    collection = Collection.create(tmp_path / "archive", pairing, CollectionSettings(mode=mode))
    for entry in collection.entries:
        doc = import_document(collection.sources(entry), ImportOptions())
        doc.apply(align_document(doc, mode=mode))
        collection.save_document(entry, doc)
    return collection


def add_doubtful_links(collection) -> dict[str, list[int]]:
    """Save two documents with doubtful links of known confidence: the sample's first two 1-1 links at 0.3 and
    0.8, the memo's second link at 0.5 and its first one unlinked. Returns the links made doubtful per document."""
    from dataclasses import replace

    from editor.bitext import edits

    made = {}
    for name, wanted in (("sample", (0.3, 0.8)), ("memo", (None, 0.5))):
        entry = collection.entry(name)
        doc = collection.load(entry)
        ones = [k for k, b in enumerate(doc.beads) if b.kind == (1, 1)]
        made[name] = []
        for k, confidence in zip(ones, wanted):
            if confidence is not None:
                doc.beads[k] = replace(doc.beads[k], confidence=confidence)
                made[name].append(k)
        if name == "memo":
            doc.apply(edits.unlink(doc, 0))           # the first link's two sentences: beads 0 and 1
            made[name] = [k + 1 for k in made[name]]
        collection.save_document(entry, doc)
    return made
