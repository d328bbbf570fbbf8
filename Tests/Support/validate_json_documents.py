"""Validates JSON documents against a JSON Schema (Draft 2020-12), for the Swift tests.

    python3 validate_json_documents.py SCHEMA DOCUMENTS

DOCUMENTS is a JSON array of strings, each one JSON document as vstream wrote it. Exit 0 when every document is
valid, 1 with one line per error otherwise, 3 when the jsonschema module is not installed (the tests skip then).
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("SKIP: Python's jsonschema is not installed")
    sys.exit(3)

validator = jsonschema.Draft202012Validator(json.load(open(sys.argv[1])))
failed = 0
for index, document in enumerate(json.load(open(sys.argv[2]))):
    for error in validator.iter_errors(json.loads(document)):
        failed += 1
        print(f"document {index}: {error.json_path}: {error.message[:300]}")
sys.exit(1 if failed else 0)
