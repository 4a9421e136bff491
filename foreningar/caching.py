"""Everything cached about the public register (directory results, facet
counts, search hits, restricted paths) lives under one generation, bumped by
any change the public could see."""

from core.caching import Generation

REGISTER = Generation("register")
# Paths of pages behind a view restriction: they change rarely, the register
# often, so they are cached apart (and bumping them bumps the register too).
RESTRICTIONS = Generation("view-restrictions")
# Cached facet counts of filtered and searched views are not thrown away when
# one association changes: they are brought up to date from the change log
# (DirectoryChange). Only a rebuild of the read model starts a new epoch.
DIRECTORY_EPOCH = Generation("directory-epoch")
COUNTS_TTL = 3600


def version_key(register_id: int) -> str:
    """Cache key of the register's latest DirectoryChange id."""
    return f"fnavet:directory-version:{register_id}"


# The vocabularies' terms and names, which change only when the coordinator
# edits a vocabulary (not when an association is published).
VOCABULARY = Generation("vocabulary")
CACHE_TTL = 600
