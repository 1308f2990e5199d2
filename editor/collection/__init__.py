"""Collections (Qt-free): a client's whole archive as one project. `pairing` finds the document pairs in folders,
a JOBS file or mixed files; `store` keeps the collection folder (one alignment file per document and an index);
`merge` exports the whole collection once, as one TMX or one XLIFF."""

from editor.collection.pairing import Pair, Pairing, pair_files, pair_folder, pair_folders, pairs_from_jobs, split_tag
from editor.collection.store import INDEX_NAME, Collection, CollectionSettings, DocumentEntry, is_collection

__all__ = ["INDEX_NAME", "Collection", "CollectionSettings", "DocumentEntry", "Pair", "Pairing", "is_collection",
           "pair_files", "pair_folder", "pair_folders", "pairs_from_jobs", "split_tag"]
