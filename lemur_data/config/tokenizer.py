"""Settings of the model's tokenizer (read by the tokenize and mix stages)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from lemur_data.config.base import ASSET_PREFIX, Model

TokenizerFormat = Literal["auto", "sentencepiece", "huggingface"]


class TokenizerConfig(Model):
    """The model's tokenizer, by path: token counts, the mixture and the shards are all in its tokens."""

    path: str = Field(
        f"{ASSET_PREFIX}tokenizer.model.v1", description="sentencepiece `.model` (Llama-2 family) or Hugging Face "
        "`tokenizer.json`: a local path (relative: from the manifest's folder), s3://..., or asset:<name> for a file "
        "installed by `lemur-data assets install`. Default: the 32k sentencepiece model of the Llama-2 family "
        "(asset:tokenizer.model.v1). Production: Llama-2's tokenizer.model."
    )
    format: TokenizerFormat = Field(
        "auto", description="'sentencepiece', 'huggingface', or 'auto': a *.json file is Hugging Face, else "
        "sentencepiece"
    )
    eos_token: str | None = Field(
        None, description="Hugging Face only: the token appended to every document (default: the first of "
        "</s>, <|endoftext|>, <|end_of_text|>, <eos> found in the vocabulary). sentencepiece models carry their EOS id."
    )
    add_bos: bool = Field(False, description="also put BOS before every document (EOS always ends one)")
