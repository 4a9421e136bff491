class SelfServiceError(Exception):
    """An action the user asked for that cannot be done; the message says why."""


class LastRepresentativeError(SelfServiceError):
    pass
