"""Build of the native kernels (lemur_data._minhash for dedup, lemur_data._textstats for the filter's text signals);
everything else is declared in pyproject.toml."""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "lemur_data._minhash",
            sources=["lemur_data/native/minhash.c"],
            extra_compile_args=["-O3", "-std=c11", "-fno-strict-aliasing"],
        ),
        Extension(
            "lemur_data._textstats",
            sources=["lemur_data/native/textstats.c"],
            extra_compile_args=["-O3", "-std=c11", "-fno-strict-aliasing"],
        ),
    ]
)
