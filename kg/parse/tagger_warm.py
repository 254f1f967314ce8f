"""Stanza's tagger trainer, going on from a saved tagger (``--warm_from PATH``).

Stanza 1.15's tagger cannot continue from a model: its trainer always builds a
new network. Here the saved weights go into the network the trainer built,
after checking that the vocabulary is the same (the same training data), so
that a second run with a gentler optimiser refines the first (kg's English
tagger: AMSGrad at a third of the first run's learning rate).
"""
from __future__ import annotations

import sys

import torch
from stanza.models import tagger
from stanza.models.pos.trainer import Trainer

_build = Trainer.__init__


def _warm(path: str):
    def init(self: Trainer, args=None, vocab=None, pretrain=None, model_file=None, device=None,
             foundation_cache=None) -> None:
        _build(self, args=args, vocab=vocab, pretrain=pretrain, model_file=model_file, device=device,
               foundation_cache=foundation_cache)
        if model_file is not None:        # the best model read back: nothing to start from
            return
        saved = torch.load(path, map_location="cpu", weights_only=False)
        if saved["vocab"] != self.vocab.state_dict():
            raise SystemExit(f"{path} was trained on other data; remove --continue-from to train from scratch")
        self.model.load_state_dict(saved["model"], strict=False)
    return init


if __name__ == "__main__":
    at = sys.argv.index("--warm_from")
    Trainer.__init__ = _warm(sys.argv[at + 1])
    del sys.argv[at:at + 2]
    tagger.main()
