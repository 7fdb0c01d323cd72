"""A separate process that writes annotations, for the crash and concurrency tests.

    python writer_process.py LIBRARY DOC_ID COUNT TAG [GO_FILE]

Adds COUNT annotations (COUNT 0: until killed), each in its own transaction, and
prints each id once it is committed. With GO_FILE it prints "ready" once the
library is open and starts writing when that file exists, so that several
writers start together.
"""

from __future__ import annotations

import itertools
import sys
import time
from pathlib import Path


def main() -> None:
    from reader.core.store import Library

    path, doc_id, count, tag = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    with Library.open(path) as lib:
        length = lib.document_info(doc_id).length
        if len(sys.argv) > 5:
            print("ready", flush=True)
            while not Path(sys.argv[5]).exists():
                time.sleep(0.001)
        for i in itertools.count() if count == 0 else range(count):
            start = i % (length - 10)
            ann = lib.add_annotation(
                doc_id, start, start + 10, note=f"note {i}", tags=[tag, f"shared/{i % 3}"]
            )
            print(ann.id, flush=True)


if __name__ == "__main__":
    main()
