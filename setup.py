"""Build of the native MinHash kernel (lemur_data._minhash); everything else is declared in pyproject.toml."""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "lemur_data._minhash",
            sources=["lemur_data/native/minhash.c"],
            extra_compile_args=["-O3", "-std=c11", "-fno-strict-aliasing"],
        )
    ]
)
