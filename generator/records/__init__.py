"""Stage 1, records. In: the content folder (YAML files). Out: `Content`, the loaded records
(each value with its line and column) and every `Diagnostic` found.

Layers, in order: YAML syntax (`load`, `yaml_errors`), the JSON Schemas (`schemas`,
`schema_errors`), references between records (`references`), domain rules such as dates,
provinces and health regions (`domain`), and each kind's own checks (`kinds`). `validate`
runs them all over the whole folder on both cores and collects the diagnostics.
"""
