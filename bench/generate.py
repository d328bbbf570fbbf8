#!/usr/bin/env python3
"""Seeded, deterministic corpus for the benchmarks: the same streams as .vstream, as YAML (the "team writes its
own" baseline, with a JSON Schema) and as D2. Same seed, same bytes."""
import argparse, json, os, random

ACTIVITIES = ["engage", "plan", "design-and-transition", "obtain-build", "deliver-and-support", "improve"]
PRACTICES = ["service-desk", "incident-management", "problem-management", "change-enablement", "release-management",
             "deployment-management", "monitoring-and-event-management", "service-request-management",
             "it-asset-management", "relationship-management", "knowledge-management", "service-level-management"]


def stream(rng, sid, steps):
    """One stream as a dict: steps with metrics, a main chain, branches and rework loops."""
    items = []
    for i in range(steps):
        items.append({
            "id": f"s{i}", "title": f"Step {i} of {sid}", "activity": "engage" if i in (0, steps - 1) else rng.choice(ACTIVITIES),
            "practices": rng.sample(PRACTICES, rng.randint(1, 3)), "roles": ["Agent"],
            "time": f"{rng.randint(1, 59)}m", "wait": f"{rng.randint(0, 8)}h{rng.randint(1, 59)}m",
            "ca": rng.randint(70, 100) if rng.random() < 0.8 else None,
            "note": "Check the runbook first.\nEscalate after an hour." if rng.random() < 0.05 else None,
        })
    chain = ["need"] + [s["id"] for s in items] + ["done"]
    flows = [(chain, None)]
    for i in range(0, steps - 3, 7):
        flows.append(([f"s{i}", f"s{i + 2}"], "skip ahead"))
    for i in range(3, steps, 11):
        flows.append(([f"s{i}", f"s{i - 2}"], "rework"))
    return {"id": sid, "title": f"Stream {sid}", "owner": "Bench owner", "status": "live", "steps": items, "flows": flows}


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_vstream(s):
    out = ["---", "vstream: 1", f"title: {s['title']}", f"owner: {s['owner']}", f"status: {s['status']}",
           "tags: [bench, generated]", "---", f"# Generated stream {s['id']}", "", f"stream {s['id']} {quote(s['title'])}", "",
           'demand need "Something is needed"', '  from "Consumer"', ""]
    for step in s["steps"]:
        out.append(f"step {step['id']} {quote(step['title'])}  # generated")
        out.append(f"  activity {step['activity']}")
        out.append("  practices " + ", ".join(step["practices"]))
        out.append("  roles " + ", ".join(quote(r) for r in step["roles"]))
        out.append(f"  time {step['time']}")
        out.append(f"  wait {step['wait']}")
        if step["ca"] is not None:
            out.append(f"  ca {step['ca']}%")
        if step["note"]:
            out.append('  note """')
            out += ["    " + line for line in step["note"].split("\n")]
            out.append('    """')
        out.append("")
    out.append('value done "Value delivered"')
    out.append('  for "Consumer"')
    out.append("")
    for index, (nodes, label) in enumerate(s["flows"]):
        # The chain is the main path (by id, "s100" would come before "s99" at a skip); loops back are rework.
        keyword = "main" if index == 0 else "rework" if label == "rework" else "flow"
        lines = []
        for i in range(0, len(nodes), 8):
            part = " -> ".join(nodes[i:i + 8])
            lines.append((keyword + " " if i == 0 else "  -> ") + part)
        if label:
            lines[-1] += " " + quote(label)
        out += lines
    return "\n".join(out) + "\n"


def to_yaml(s):
    out = [f"id: {s['id']}", f"title: {json.dumps(s['title'])}", f"owner: {json.dumps(s['owner'])}", f"status: {s['status']}",
           "demand: {id: need, title: \"Something is needed\", from: Consumer}", "value: {id: done, title: \"Value delivered\"}", "steps:"]
    for step in s["steps"]:
        out.append(f"  - id: {step['id']}")
        out.append(f"    title: {json.dumps(step['title'])}")
        out.append(f"    activity: {step['activity']}")
        out.append(f"    practices: [{', '.join(step['practices'])}]")
        out.append(f"    time: {step['time']}")
        out.append(f"    wait: {step['wait']}")
        if step["ca"] is not None:
            out.append(f"    ca: {step['ca']}")
    out.append("flows:")
    for nodes, label in s["flows"]:
        out.append(f"  - nodes: [{', '.join(nodes)}]" + (f"\n    label: {json.dumps(label)}" if label else ""))
    return "\n".join(out) + "\n"


def to_d2(s):
    out = ["direction: right", f"need: {json.dumps('Something is needed')}"]
    for step in s["steps"]:
        out.append(f"{step['id']}: {json.dumps(step['title'] + ' (' + step['activity'] + ')')}")
    out.append('done: "Value delivered"')
    for nodes, label in s["flows"]:
        for a, b in zip(nodes, nodes[1:]):
            out.append(f"{a} -> {b}" + (f": {json.dumps(label)}" if label else ""))
    return "\n".join(out) + "\n"


SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
    "required": ["id", "title", "owner", "status", "demand", "value", "steps", "flows"],
    "properties": {
        "id": {"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_-]*$"}, "title": {"type": "string"}, "owner": {"type": "string"},
        "status": {"enum": ["draft", "review", "live", "retired"]},
        "steps": {"type": "array", "items": {"type": "object", "required": ["id", "activity", "practices", "time", "wait"], "properties": {
            "id": {"type": "string"}, "activity": {"enum": ACTIVITIES}, "practices": {"type": "array", "items": {"type": "string"}},
            "time": {"type": "string", "pattern": "^([0-9]+[wdhms])+$"}, "wait": {"type": "string", "pattern": "^([0-9]+[wdhms])+$"},
            "ca": {"type": "integer", "minimum": 0, "maximum": 100}}}},
        "flows": {"type": "array", "items": {"type": "object", "required": ["nodes"]}},
    },
}


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def repository(root, rng, files, steps):
    for index in range(files):
        s = stream(rng, f"r{files}x{steps}-{index}", steps)
        sub = f"team{index % 10}"
        write(f"{root}/vstream/{sub}/{s['id']}.vstream", to_vstream(s))
        write(f"{root}/yaml/{sub}/{s['id']}.yml", to_yaml(s))
        write(f"{root}/d2/{sub}/{s['id']}.d2", to_d2(s))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="bench/corpus")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sizes", choices=["quick", "full"], default="full")
    parser.add_argument("--one-stream", type=int, metavar="STEPS",
                        help="write only one .vstream stream of STEPS steps to the file --out names")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    if args.one_stream:
        write(args.out, to_vstream(stream(rng, f"flow{args.one_stream}", args.one_stream)))
        return
    write(f"{args.out}/schema.json", json.dumps(SCHEMA, indent=2))
    repos = [(1, 10), (100, 20)] if args.sizes == "quick" else [(1, 10), (100, 20), (1000, 20), (10000, 10)]
    for files, steps in repos:
        repository(f"{args.out}/repo-{files}x{steps}", rng, files, steps)
    # Single large files: about 1 MB is 5,000 steps (measured: 200 bytes a step with its share of the flow).
    singles = [1, 5] if args.sizes == "quick" else [1, 5, 10, 25, 50]
    for megabytes in singles:
        s = stream(rng, f"big{megabytes}", megabytes * 5000)
        write(f"{args.out}/big-{megabytes}mb/vstream/big.vstream", to_vstream(s))
        write(f"{args.out}/big-{megabytes}mb/yaml/big.yml", to_yaml(s))
        write(f"{args.out}/big-{megabytes}mb/d2/big.d2", to_d2(s))


if __name__ == "__main__":
    main()
