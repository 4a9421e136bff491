"""Everything cached about the public register (directory results, facet
counts, search hits, restricted paths) lives under one generation, bumped by
any change the public could see."""

from core.caching import Generation

REGISTER = Generation("register")
# Paths of pages behind a view restriction: they change rarely, the register
# often, so they are cached apart (and bumping them bumps the register too).
RESTRICTIONS = Generation("view-restrictions")
CACHE_TTL = 600
