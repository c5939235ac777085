"""Repository documents: a repository's kept code files as one document, ordered by their imports.

`imports` finds each file's import / include targets inside the same repository (tree-sitter, one query per
language, path heuristics to resolve), `order` puts dependencies first (cycles broken deterministically),
`documents` builds the token rows, the parts of at most N tokens and the member table that maps them back to files.
"""
