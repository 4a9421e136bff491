"""Read-side queries of the register: each function runs a fixed number of
SQL queries, whatever the size of the register."""

from .directory import Directory, LazyPage, attach_card_terms, directory, with_card_data
from .export import export_queryset
from .facets import FacetOption, facet_counts, facet_options
from .params import (
    FACETS_BY_PARAM,
    PAGE_SIZE,
    QUERY_PARAM,
    SORT_PARAM,
    SORTS,
    VOLUNTEERS_PARAM,
    DirectoryParams,
    clean_text,
    parse_params,
)
from .profile import (
    default_register,
    newest_associations,
    profile_terms,
    related_associations,
)
from .queries import register_queryset, search_condition

__all__ = [
    "FACETS_BY_PARAM",
    "PAGE_SIZE",
    "QUERY_PARAM",
    "SORTS",
    "SORT_PARAM",
    "VOLUNTEERS_PARAM",
    "Directory",
    "DirectoryParams",
    "FacetOption",
    "LazyPage",
    "attach_card_terms",
    "clean_text",
    "default_register",
    "directory",
    "export_queryset",
    "facet_counts",
    "facet_options",
    "newest_associations",
    "parse_params",
    "profile_terms",
    "register_queryset",
    "related_associations",
    "search_condition",
    "with_card_data",
]
