#!/usr/bin/env python3
"""Writes charts/<chart>-<version>.yaml: the values paths a chart reads, from its values.yaml at a release tag.

Usage: chart-facts.py <git-dir> <owner/repo> <tag> <path-of-values.yaml> <chart> <version> [extra-key ...] [--freeform path ...]

The facts are the dotted paths of the chart's default values (a list's item fields as `path[].field`). Empty maps
and lists in the defaults are free-form (label maps, extra volumes: the chart passes them through), as is every
path given after --freeform. The paths the chart's templates read through `.Values.` are added, which covers keys the values
file only documents in comments (label and annotation maps among them are free-form). Extra keys: keys read in ways the scan cannot see (through `with`/`range`).
"""
import re
import subprocess
import sys

import yaml


def walk(node, path, keys, freeform):
    if isinstance(node, dict):
        if path:
            keys.add(path)
        if not node and path:
            freeform.add(path)
        for key, value in node.items():
            walk(value, f"{path}.{key}" if path else str(key), keys, freeform)
    elif isinstance(node, list):
        keys.add(path)
        items = [item for item in node if isinstance(item, dict)]
        if not node:
            freeform.add(path)
        for item in items:
            for key, value in item.items():
                walk(value, f"{path}[].{key}", keys, freeform)
    else:
        keys.add(path)


def template_references(git_dir, tag, values_path):
    """Paths the chart's own templates read (`.Values.a.b`), which covers keys only documented in comments."""
    templates = values_path.rsplit("/", 1)[0] + "/templates"
    names = subprocess.check_output(["git", "--git-dir", git_dir, "ls-tree", "-r", "--name-only", tag, templates + "/"], text=True).split()
    found = set()
    for name in names:
        source = subprocess.check_output(["git", "--git-dir", git_dir, "show", f"{tag}:{name}"], text=True)
        for match in re.finditer(r"\.Values\.([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)", source):
            parts = match.group(1).split(".")
            found.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
    return found


def main(argv):
    git_dir, repository, tag, values_path, chart, version, *rest = argv
    extra, free = [], []
    target = extra
    for arg in rest:
        if arg == "--freeform":
            target = free
            continue
        target.append(arg)
    commit = subprocess.check_output(["git", "--git-dir", git_dir, "rev-list", "-n1", tag], text=True).strip()
    text = subprocess.check_output(["git", "--git-dir", git_dir, "show", f"{tag}:{values_path}"], text=True)
    keys, freeform = set(), set()
    walk(yaml.safe_load(text) or {}, "", keys, freeform)
    referenced = template_references(git_dir, tag, values_path)
    keys.update(referenced)
    # Label and annotation maps the templates read but the values file only mentions in comments are free-form too.
    freeform.update(k for k in referenced if re.search(r"(?i)(labels|annotations)$", k.rsplit(".", 1)[-1])
                    and not any(other.startswith(k + ".") for other in keys))
    keys.update(extra)
    keys.update(free)
    freeform.update(free)
    # A free-form subtree's own children need no listing.
    def under_freeform(path):
        return any(path.startswith(f + ".") or path.startswith(f + "[]") for f in freeform)
    keys = sorted(k for k in keys if not under_freeform(k))
    freeform = sorted(f for f in freeform if not under_freeform(f))
    out = [
        f"# Values paths of the {chart} chart {version}, read from its values.yaml at the release tag",
        "# (scripts/chart-facts.py). Not a copy of the file: paths only, no defaults.",
        f"chart: {chart}",
        f"version: {version}",
        f"source: {{ repository: {repository}, tag: {tag}, commit: {commit}, path: {values_path} }}",
        "keys:",
    ]
    out += [f"  - {yaml.safe_dump(k, default_style=None).strip().removesuffix('...').strip()}" for k in keys]
    out.append("freeform:")
    out += [f"  - {yaml.safe_dump(f).strip().removesuffix('...').strip()}" for f in freeform]
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
