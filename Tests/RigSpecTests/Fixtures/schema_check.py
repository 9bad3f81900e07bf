"""Validate YAML documents against a JSON Schema with the reference Python implementation.

stdin: JSON {"schema": {...}, "cases": [{"name": str, "yaml": str}]}
stdout: one line per case: "<name>\tvalid" or "<name>\tinvalid\t<first error>"
"""
import json
import sys

import jsonschema
import yaml

request = json.load(sys.stdin)
jsonschema.Draft202012Validator.check_schema(request["schema"])
validator = jsonschema.Draft202012Validator(request["schema"])
for case in request["cases"]:
    document = yaml.safe_load(case["yaml"])
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    if errors:
        print(f"{case['name']}\tinvalid\t{errors[0].message}")
    else:
        print(f"{case['name']}\tvalid")
