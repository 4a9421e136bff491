from .blocks import EVENTS, GRANT_DEADLINES, NewsletterStreamBlock, UpcomingBlock
from .pages import NewsletterIndexPage, NewsletterPage
from .sending import NewsletterDelivery, NewsletterSend
from .subscribers import Subscriber, SubscriberImport, normalise_email
from .topics import Topic

__all__ = [
    "EVENTS",
    "GRANT_DEADLINES",
    "NewsletterDelivery",
    "NewsletterIndexPage",
    "NewsletterPage",
    "NewsletterSend",
    "NewsletterStreamBlock",
    "Subscriber",
    "SubscriberImport",
    "Topic",
    "UpcomingBlock",
    "normalise_email",
]
