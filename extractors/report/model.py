"""What the report extractor returns besides the contract's fields and commitments."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from schemas.models import Commitment, ReportFields, Span


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Section(_Model):
    """One heading of the report's hierarchy (一、 / （一） / 1、 / ⑴ / ① / 一是)."""

    level: int = Field(description="层级：1 一、 2 （一） 3 1、 4 ⑴ 5 ① 6 一是")
    number: str = Field(description="编号原文，如 “（一）”")
    title: str = Field(description="标题文字（不含编号）")
    span: Span = Field(description="标题所在位置")
    parent: int | None = Field(default=None, description="上级章节在 sections 中的下标")
    end: int = Field(description="章节内容结束偏移（不含）")


class Sentence(_Model):
    text: str
    span: Span
    section: int | None = Field(default=None, description="所在（最内层）章节的下标")
    paragraph: int = Field(description="所在段落序号")


class PersonDuty(_Model):
    """A named person (or a role) and the duty a sentence gives them (组长, 第一负责人…).

    The contract's `responsible_persons` holds name and role only; the duty is kept here.
    """

    name: str | None = None
    role: str | None = None
    duty: str | None = Field(default=None, description="组长/副组长/成员/第一负责人…")
    span: Span


class ReportExtraction(_Model):
    fields: ReportFields
    commitments: list[Commitment] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)
    duties: list[PersonDuty] = Field(default_factory=list)
    foreign_spans: list[Span] = Field(
        default_factory=list, description="以他处地名开头、疑似他单位材料的段落（不从中抽取承诺与字段）"
    )

    def section_path(self, index: int | None) -> list[Section]:
        """The chain of sections from the outermost down to `index`."""
        path: list[Section] = []
        while index is not None:
            path.insert(0, self.sections[index])
            index = self.sections[index].parent
        return path
