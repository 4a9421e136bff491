"""Hooks the register offers to other apps (``wagtail.hooks``), like
``core.hooks`` but about associations. Each returns an HTML section (or
None); the hook's ``order`` places it.

- ``PROFILE_SECTIONS`` (request, association): on the association's public
  profile, e.g. the grant calls that match it.
- ``REPRESENTATIVE_DASHBOARD`` (request, representative, associations): on
  /min-forening/, e.g. watched grant calls, the association's events.
- ``REPRESENTATIVE_ASSOCIATION`` (request, representative, association): on
  /min-forening/<id>/, the page of one association.
"""

PROFILE_SECTIONS = "foreningar_profile_sections"
REPRESENTATIVE_DASHBOARD = "foreningar_representative_dashboard"
REPRESENTATIVE_ASSOCIATION = "foreningar_representative_association"
