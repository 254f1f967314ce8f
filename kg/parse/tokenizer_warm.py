"""Stanza's tokenizer trainer, able to go on from a saved model.

Stanza 1.15's ``--load_name`` calls ``Trainer.load`` with too few arguments, and
its ``load`` would build a new network the optimizer does not know. Here the
saved weights go into the network the trainer built, after checking that the
character vocabulary is the same, so a second run continues the first.
"""
from __future__ import annotations

import torch
from stanza.models import tokenizer
from stanza.models.tokenization.trainer import Trainer


def _warm_start(self: Trainer, filename: str, args: dict | None = None, foundation_cache: object = None) -> None:
    checkpoint = torch.load(filename, map_location="cpu", weights_only=True)
    if checkpoint["vocab"] != self.vocab.state_dict():
        raise SystemExit(f"{filename} was trained on other characters; remove it to train from scratch")
    self.model.load_state_dict(checkpoint["model"])


if __name__ == "__main__":
    Trainer.load = _warm_start
    tokenizer.main()
