#!/usr/bin/env python3
"""The house's layering (README "Architecture"), checked on every #include.

Each product layer may include only the layers listed for it below (its own
always; the C++ and system headers, <...> without a layer's folder, always).
Outside matcher/, the engine is reached through its public headers only:
matcher/<part>.hpp, one per subfolder (matcher/snapshot.hpp, query.hpp, ...);
the files inside the subfolders are the matcher's own. SQLite is the store's
alone, libmicrohttpd the API's. Exits 1 and names every offending line; 0
when the tree keeps them. First it runs itself on a made-up tree of known
offences, so a checker that finds nothing cannot pass.

Usage: layering_test.py [SOURCE_DIR]  (default: this file's repository)
"""
import os
import re
import sys
import tempfile

# layer -> the other layers it may include (cli wires everything together).
ALLOWED = {
    "models": set(),
    "store": {"models"},
    "bulk": {"models"},
    "ingest": {"models", "store"},
    "matcher": {"models"},
    "runfmt": {"matcher"},
    "batch": {"matcher", "models", "runfmt", "store"},
    "api": {"bulk", "ingest", "matcher", "models", "runfmt", "store"},
    "datagen": {"models"},
    "mpi": {"batch", "cli", "matcher", "store"},
    "cli": {"api", "batch", "bulk", "datagen", "ingest", "matcher", "models", "runfmt", "store"},
}
# Headers only one layer may include: SQL is the store's, HTTP the API's.
OWNED = {"sqlite3.h": "store", "microhttpd.h": "api"}
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]')
FACADE = re.compile(r"^matcher/\w+\.hpp$")


def offences(root):
    layers = set(ALLOWED)
    for layer in sorted(layers):
        for folder, _, names in os.walk(os.path.join(root, layer)):
            for name in sorted(names):
                if not name.endswith((".cpp", ".hpp", ".h")):
                    continue
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as f:
                    for number, line in enumerate(f, 1):
                        m = INCLUDE.match(line)
                        if not m:
                            continue
                        target = m.group(1)
                        where = f"{os.path.relpath(path, root)}:{number}: {target}"
                        head = target.split("/", 1)[0] if "/" in target else None
                        if head in layers and head != layer and head not in ALLOWED[layer]:
                            yield f"{where}: {layer}/ may not include {head}/"
                        if head == "matcher" and layer != "matcher" and not FACADE.match(target):
                            yield f"{where}: outside matcher/, include its public header matcher/<part>.hpp"
                        owner = OWNED.get(target)
                        if owner and owner != layer:
                            yield f"{where}: only {owner}/ includes {target}"


def check_the_check():
    """The checker on a made-up tree with one offence of each kind and one
    allowed include of each kind: it must name exactly the offences."""
    files = {
        "api/a.cpp": '#include "batch/x.hpp"\n#include "matcher/query.hpp"\n#include <vector>\n',
        "batch/b.cpp": '#include "matcher/query/match_query.hpp"\n#include "store/store.hpp"\n',
        "matcher/query/c.cpp": '#include "store/store.hpp"\n#include "matcher/score/x.hpp"\n',
        "ingest/d.cpp": "#include <sqlite3.h>\n",
        "matcher/f.hpp": "#include <microhttpd.h>\n",
        "store/e.cpp": "#include <sqlite3.h>\n",
    }
    with tempfile.TemporaryDirectory() as root:
        for layer in ALLOWED:
            os.makedirs(os.path.join(root, layer), exist_ok=True)
        for name, text in files.items():
            os.makedirs(os.path.dirname(os.path.join(root, name)), exist_ok=True)
            with open(os.path.join(root, name), "w", encoding="utf-8") as f:
                f.write(text)
        found = sorted(line.split(": ", 1)[0] for line in offences(root))
    expected = ["api/a.cpp:1", "batch/b.cpp:1", "ingest/d.cpp:1", "matcher/f.hpp:1", "matcher/query/c.cpp:1"]
    if found != expected:
        print(f"layering_test: the checker found {found} on its own example, not {expected}", file=sys.stderr)
        return False
    return True


def main():
    if not check_the_check():
        return 1
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    missing = [layer for layer in ALLOWED if not os.path.isdir(os.path.join(root, layer))]
    if missing:
        print(f"layering_test: no layer folder {', '.join(missing)} under {root}", file=sys.stderr)
        return 1
    found = list(offences(root))
    for line in found:
        print(line, file=sys.stderr)
    print(f"layering_test: {len(found)} include(s) against the layering")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
