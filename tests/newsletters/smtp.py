"""A real SMTP server (aiosmtpd) in a thread for the delivery tests: it can
refuse chosen recipients with 4xx once or always, or with 5xx."""

from __future__ import annotations

import email
import socket
import threading
from collections import Counter
from dataclasses import dataclass, field

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Rules:
    """Local parts (before the @) and what the server answers them."""

    temporary_once: set[str] = field(default_factory=set)  # 451, then accepted
    temporary_always: set[str] = field(default_factory=set)  # 451 every time
    rejected: set[str] = field(default_factory=set)  # 550 policy rejection
    unknown: set[str] = field(default_factory=set)  # 550 5.1.1 user unknown


class Handler:
    def __init__(self, rules: Rules):
        self.rules = rules
        self.lock = threading.Lock()
        self.messages: list[tuple[str, bytes]] = []  # (recipient, raw message)
        self.refused: Counter[str] = Counter()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0]
        with self.lock:
            if local in self.rules.unknown:
                return (
                    f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
                )
            if local in self.rules.rejected:
                return "550 5.7.1 Message rejected by policy"
            if local in self.rules.temporary_always or (
                local in self.rules.temporary_once and not self.refused[local]
            ):
                self.refused[local] += 1
                return "451 4.7.1 Greylisted, please try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            for recipient in envelope.rcpt_tos:
                self.messages.append((recipient, envelope.content))
        return "250 Message accepted for delivery"

    def received(self) -> Counter[str]:
        with self.lock:
            return Counter(recipient for recipient, _raw in self.messages)

    def parsed(self) -> dict[str, email.message.Message]:
        with self.lock:
            return {
                recipient: email.message_from_bytes(raw)
                for recipient, raw in self.messages
            }


class SMTPServer:
    def __init__(self, rules: Rules | None = None, port: int | None = None):
        self.handler = Handler(rules or Rules())
        self.port = port or free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    def start(self) -> SMTPServer:
        self.controller.start()
        return self

    def stop(self) -> None:
        self.controller.stop()
