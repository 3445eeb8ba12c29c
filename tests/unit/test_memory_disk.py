"""tests/memory_disk.py: the suite's temporary files go to a memory file system only when
it is there, writable and roomy."""

from __future__ import annotations

from pathlib import Path

from tests.memory_disk import memory_temp_dir


def test_a_directory_with_room_is_taken(tmp_path: Path) -> None:
    assert memory_temp_dir(str(tmp_path), room=1) == str(tmp_path)


def test_a_small_or_missing_one_is_not(tmp_path: Path) -> None:
    assert memory_temp_dir(str(tmp_path), room=2 ** 62) is None  # a Docker /dev/shm
    assert memory_temp_dir(str(tmp_path / "nowhere")) is None
