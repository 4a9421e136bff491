"""Read-side queries of the register: each function runs a fixed number of
SQL queries, whatever the size of the register."""

from .directory import Directory, LazyPage, directory, entry_order, with_card_data
from .export import export_rows
from .facets import FacetOption, counted_facets, resolve_filters, vocabulary_options
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
    SEARCH_COUNT_CAP,
    default_register,
    newest_associations,
    profile_terms,
    related_associations,
    search_associations,
)
from .queries import name_order_field, register_entries, search_condition
from .search import query_words

__all__ = [
    "FACETS_BY_PARAM",
    "PAGE_SIZE",
    "SEARCH_COUNT_CAP",
    "QUERY_PARAM",
    "SORTS",
    "SORT_PARAM",
    "VOLUNTEERS_PARAM",
    "Directory",
    "DirectoryParams",
    "FacetOption",
    "LazyPage",
    "clean_text",
    "counted_facets",
    "default_register",
    "directory",
    "entry_order",
    "export_rows",
    "name_order_field",
    "newest_associations",
    "parse_params",
    "profile_terms",
    "query_words",
    "register_entries",
    "related_associations",
    "resolve_filters",
    "search_associations",
    "search_condition",
    "vocabulary_options",
    "with_card_data",
]
