from .help import OTHER_ASSOCIATION, HelpRequestForm
from .watch import WatchForm

__all__ = ["OTHER_ASSOCIATION", "HelpRequestForm", "WatchForm"]
