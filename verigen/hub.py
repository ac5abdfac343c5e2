"""Push an export (SFT, DPO, problems) and optionally an eval suite to the Hugging Face Hub.

Each dataset goes up with `DatasetDict.push_to_hub(repo_id, config_name=...)` (data under
`<config>/<split>-*.parquet`; empty splits are left out), then the card is uploaded as README.md
with `configs` that point at those files. The endpoint is the Hub libraries' own (`HF_ENDPOINT`,
read when they are imported); the token comes from the environment variable `token_env`, else
from a saved `hf auth login`. Every Hub or network failure becomes one HubError line, and the
token never appears in it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from verigen.errors import VerigenError

DATASETS = ("sft", "dpo", "problems")  # folders of an export, pushed as configs of these names
DEFAULT_SPLIT = {"eval": "test"}  # a plain Dataset (not a DatasetDict) goes up as this split


class HubError(VerigenError):
    """A push to the Hugging Face Hub failed (bad repo id, no access, network, server error)."""


@dataclass(frozen=True)
class PushResult:
    repo_id: str
    url: str
    configs: dict[str, dict[str, int]]  # config name -> split -> rows pushed
    skipped: list[str] = field(default_factory=list)  # configs with no rows


def _load_splits(name: str, folder: Path) -> dict[str, Any]:
    """split -> Dataset of a save_to_disk folder (a Dataset or a DatasetDict). Splits saved with
    no data files (an empty dataset, which `load_from_disk` cannot read back) are left out."""
    import json

    from datasets import Dataset

    if (folder / "dataset_dict.json").is_file():
        splits = json.loads((folder / "dataset_dict.json").read_text())["splits"]
        places = {str(s): folder / str(s) for s in splits}
    else:
        places = {DEFAULT_SPLIT.get(name, "train"): folder}
    loaded = {}
    for split, place in places.items():
        if not json.loads((place / "state.json").read_text()).get("_data_files"):
            continue
        dataset = Dataset.load_from_disk(str(place))
        if len(dataset) and dataset.column_names:
            loaded[split] = dataset
    return loaded


def _datasets(export_dir: Path, eval_dir: Path | None) -> dict[str, Any]:
    """config name -> DatasetDict of its non-empty splits, for the parts that exist on disk."""
    from datasets import DatasetDict

    folders = {name: export_dir / name for name in DATASETS}
    if eval_dir is not None:
        if not (eval_dir / "suite.json").is_file():
            raise HubError(f"{eval_dir} is not an eval suite folder (no suite.json)")
        folders["eval"] = eval_dir / "eval"
    found: dict[str, Any] = {}
    for name, folder in folders.items():
        if folder.is_dir():
            try:
                found[name] = DatasetDict(_load_splits(name, folder))
            except (OSError, ValueError, KeyError) as exc:
                raise HubError(f"cannot read the {name} dataset in {folder}: {exc}") from None
    if not found:
        raise HubError(f"{export_dir} holds no exported datasets ({', '.join(DATASETS)})")
    return found


def _split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    import yaml

    if text.startswith("---\n"):
        head, sep, body = text[4:].partition("\n---\n")
        if sep:
            meta = yaml.safe_load(head) or {}
            return (meta if isinstance(meta, dict) else {}), body
    return {}, text


def build_card(export_dir: Path, configs: dict[str, list[str]], eval_dir: Path | None = None) -> str:
    """The export's card (and the eval suite's, when pushed), its `configs` rewritten for the
    pushed layout: `configs` maps each config name to its split names."""
    import yaml

    meta, body = _split_front_matter(_read(export_dir / "README.md"))
    if "eval" in configs and eval_dir is not None:
        eval_meta, eval_body = _split_front_matter(_read(eval_dir / "README.md"))
        tags = list(meta.get("tags") or [])
        meta["tags"] = tags + [t for t in eval_meta.get("tags") or [] if t not in tags]
        body = f"{body.rstrip()}\n\n## Eval suite (config `eval`)\n\n{eval_body.lstrip().removeprefix('# ')}"
    meta["configs"] = [
        {"config_name": name, "data_files": [{"split": s, "path": f"{name}/{s}-*"} for s in splits]}
        for name, splits in configs.items()
    ]
    return f"---\n{yaml.safe_dump(meta, sort_keys=False)}---\n{body}"


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return "# verigen dataset\n"
    except OSError as exc:
        raise HubError(f"cannot read {path}: {exc.strerror or exc}") from None


def _one_line(exc: BaseException, repo_id: str, token: str | None, token_env: str) -> str:
    from huggingface_hub.errors import HfHubHTTPError

    text = " ".join(str(exc).split()) or type(exc).__name__
    status = getattr(getattr(exc, "response", None), "status_code", None)
    hint = ""
    if isinstance(exc, HfHubHTTPError) and status in (401, 403):
        hint = f" (is {token_env} set to a token with write access to {repo_id}?)"
    if token:
        text = text.replace(token, "***")
    if len(text) > 300:
        text = text[:297] + "..."
    return f"push to Hugging Face dataset repo {repo_id!r} failed: {text}{hint}"


def _network_errors() -> tuple[type[BaseException], ...]:
    """The Hub client's transport errors: huggingface_hub re-exports its HTTP library's base
    error as `errors.HTTPError` (httpx or a fork); releases before 1.0 used requests."""
    errors: list[type[BaseException]] = []
    try:
        from huggingface_hub.errors import HTTPError

        errors.append(HTTPError)
    except ImportError:
        pass
    try:
        import requests

        errors.append(requests.RequestException)
    except ImportError:
        pass
    return tuple(errors)


def push_to_hub(
    export_dir: Path,
    repo_id: str,
    private: bool = False,
    token_env: str = "HF_TOKEN",
    eval_dir: Path | None = None,
) -> PushResult:
    """Push `sft`/`dpo`/`problems` (and `eval`, from the suite folder `eval_dir`) as configs of one
    dataset repo, then its card. Configs with no rows are skipped."""
    from huggingface_hub import HfApi, constants
    from huggingface_hub.errors import HfHubHTTPError, HFValidationError
    from huggingface_hub.utils import validate_repo_id

    try:
        validate_repo_id(repo_id)
    except HFValidationError as exc:
        raise HubError(f"bad repo id {repo_id!r}: {exc}") from None
    export_dir = Path(export_dir)
    eval_path = Path(eval_dir) if eval_dir is not None else None
    parts = _datasets(export_dir, eval_path)
    pushed = {name: dd for name, dd in parts.items() if dd}
    skipped = sorted(set(parts) - set(pushed))
    if not pushed:
        raise HubError(f"nothing to push: every dataset in {export_dir} is empty")
    card = build_card(export_dir, {name: list(dd) for name, dd in pushed.items()}, eval_path)
    token = os.environ.get(token_env) or None
    try:
        api = HfApi(token=token)
        api.create_repo(repo_id, repo_type="dataset", private=private, exist_ok=True)
        for name, dataset_dict in pushed.items():
            dataset_dict.push_to_hub(
                repo_id, config_name=name, private=private, token=token, commit_message=f"verigen: {name}"
            )
        api.upload_file(
            path_or_fileobj=card.encode("utf-8"),
            path_in_repo="README.md",
            repo_id=repo_id,
            repo_type="dataset",
            commit_message="verigen: dataset card",
        )
    except (HfHubHTTPError, HFValidationError, OSError, ValueError, *_network_errors()) as exc:
        raise HubError(_one_line(exc, repo_id, token, token_env)) from None
    url = f"{constants.ENDPOINT.rstrip('/')}/datasets/{repo_id}"
    configs = {name: {s: len(d) for s, d in dd.items()} for name, dd in pushed.items()}
    return PushResult(repo_id, url, configs, skipped)
