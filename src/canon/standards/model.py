"""The domain model of a standard: rules, blocks, sections, and the manifest.

A standard is an ordered list of sections; a section is a heading and its blocks. Blocks are
what a Markdown instruction file holds: rules (bullets that state a rule), other list items,
code blocks, paragraphs, horizontal rules and verbatim Markdown. Everything is frozen: models
are values, built once by the loader and shared by the compiler, the checks and the evals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = [
    "Block",
    "CodeBlock",
    "Examples",
    "HeadingLevel",
    "HorizontalRule",
    "Item",
    "ListItem",
    "Manifest",
    "MarkdownBlock",
    "Paragraph",
    "Rule",
    "RuleItem",
    "Section",
    "SectionFile",
    "SourceFile",
    "Standard",
    "StandardMeta",
    "block_kind",
    "walk_rules",
]

RULE_ID_PATTERN = r"^[a-z0-9]+(?:[._-][a-z0-9]+)*$"
CHECK_ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
STANDARD_ID_PATTERN = r"^[a-z0-9]+(?:[._-][a-z0-9]+)*$"

type HeadingLevel = Annotated[int, Field(ge=2, le=6)]


class _Frozen(BaseModel):
    """Base of every model: immutable, strict about unknown keys."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)


type Spacing = Annotated[str, Field(pattern=r"^\n[ \t\n]*$")]


class _Spaced(_Frozen):
    """What every block shares: the exact blank space written before it.

    `space_before` is None for the usual layout (one blank line between blocks, none between
    the entries of a list); `canon import` sets it where a file was laid out otherwise.
    """

    space_before: Spacing | None = None


class Examples(_Frozen):
    """Code that follows (`good`) and breaks (`bad`) a rule; each entry is a whole snippet."""

    good: tuple[str, ...] = ()
    bad: tuple[str, ...] = ()


type Equivalence = Literal["same", "broader", "narrower"]


class Rule(_Frozen):
    """One instruction a team wants followed, with what machines need to verify it.

    Attributes:
        id: Stable identifier, unique across the standard (`typing.union-operator`).
        text: The instruction exactly as the document says it (Markdown, one line).
        short: A shorter wording for condensed variants.
        check: The id of the machine check that verifies the rule; empty when none can exist.
        examples: Snippets that follow and break the rule.
        equivalents: The same rule in other tools, for instance `{"ruff": ["UP007"]}`.
        equivalence: How the rule's check relates to each tool's codes: `same` (they flag the
            same things), `broader` (the rule asks more: it flags what the codes flag, and
            more) or `narrower` (it flags less than the codes do); a tool named here must
            have `equivalents`.
        tags: Free labels for selecting rules.
        applies_to: Globs narrowing the standard's scope for this rule alone.
        assistants: The assistants this rule is for; empty means all.
        not_for: Assistants this rule is withheld from.
        priority: Higher is kept first when a variant must fit a budget.
    """

    id: Annotated[str, Field(pattern=RULE_ID_PATTERN)]
    text: Annotated[str, Field(min_length=1)]
    short: str = ""
    check: Annotated[str, Field(pattern=r"^$|" + CHECK_ID_PATTERN)] = ""
    examples: Examples = Examples()
    equivalents: dict[str, tuple[str, ...]] = {}
    equivalence: dict[str, Equivalence] = {}
    tags: tuple[str, ...] = ()
    applies_to: tuple[str, ...] = ()
    assistants: tuple[str, ...] = ()
    not_for: tuple[str, ...] = ()
    priority: int = 0


class CodeBlock(_Frozen):
    """A fenced code block, written verbatim between its fences."""

    text: str
    lang: str = ""
    fence: Annotated[str, Field(pattern=r"^(`{3,}|~{3,})$")] = "```"


class _ListEntry(_Spaced):
    """What every list entry shares: its marker and the blocks nested under it.

    `indent` is what nested blocks are indented by; None for the width of the marker and its
    space (`canon import` sets it where a file nests by tabs or four spaces).
    """

    marker: Annotated[str, Field(pattern=r"^([-*+]|[0-9]{1,9}[.)])$")] = "-"
    children: tuple[Block, ...] = ()
    indent: Annotated[str, Field(pattern=r"^( {1,12}|\t{1,3})$")] | None = None


class RuleItem(_ListEntry):
    """A list entry that states a rule."""

    rule: Rule


class ListItem(_ListEntry):
    """A list entry that is not a rule: a statement, a heading for nested entries, an example."""

    item: str


class Paragraph(_Spaced):
    """A paragraph of Markdown, written verbatim."""

    paragraph: str


class HorizontalRule(_Spaced):
    """A thematic break (`---`)."""

    hr: Literal["---", "***", "___"] = "---"


class MarkdownBlock(_Spaced):
    """Markdown that canon does not interpret, written verbatim."""

    markdown: str


class Code(_Spaced):
    """A code block as written in YAML: `- code: {lang: python, text: ...}`."""

    code: CodeBlock


_BLOCK_KEYS = ("rule", "item", "code", "paragraph", "hr", "markdown")


def block_kind(value: object) -> str | None:
    """Tell which kind of block a raw YAML mapping is, by its distinguishing key.

    Args:
        value: The raw value of one entry of `blocks` (or a model instance).

    Returns:
        The block kind (`rule`, `item`, `code`, `paragraph`, `hr` or `markdown`), or None.
    """
    if isinstance(value, BaseModel):
        fields = type(value).model_fields
        return next((key for key in _BLOCK_KEYS if key in fields), None)
    if isinstance(value, dict):
        return next((key for key in _BLOCK_KEYS if key in value), None)
    return None


type Block = Annotated[
    Annotated[RuleItem, Tag("rule")]
    | Annotated[ListItem, Tag("item")]
    | Annotated[Code, Tag("code")]
    | Annotated[Paragraph, Tag("paragraph")]
    | Annotated[HorizontalRule, Tag("hr")]
    | Annotated[MarkdownBlock, Tag("markdown")],
    Discriminator(
        block_kind,
        custom_error_type="block_kind",
        custom_error_message="a block needs one of the keys: " + ", ".join(_BLOCK_KEYS),
    ),
]

type Item = RuleItem | ListItem


class Section(_Frozen):
    """A heading and the blocks under it, up to the next heading.

    Attributes:
        title: The heading's text.
        level: The heading's level, 2 (`##`) to 6.
        id: A name for selecting the section (variants); empty for none.
        tight: Whether a list right after the heading follows it with no blank line between;
            None to follow the standard's `tight_lists`.
        blocks: What the section holds, in order.
        space_before: The exact blank space before the heading; None for the usual layout.
        space_after_heading: The exact blank space between the heading and its first block;
            None for the usual layout (it overrides `tight`).
    """

    title: Annotated[str, Field(min_length=1)]
    level: HeadingLevel = 2
    id: Annotated[str, Field(pattern=STANDARD_ID_PATTERN)] = ""
    tight: bool | None = None
    blocks: tuple[Block, ...] = ()
    space_before: Spacing | None = None
    space_after_heading: Spacing | None = None

    def rules(self) -> tuple[Rule, ...]:
        """Every rule of the section, in document order (nested rules included).

        Returns:
            The rules, depth first.
        """
        return tuple(item.rule for _, item in walk_rules(self.blocks))


class SectionFile(_Frozen):
    """One YAML file of a standard's folder holding sections, in document order."""

    sections: tuple[Section, ...]


class SourceFile(_Frozen):
    """The file a standard was imported from, so compiling it can give that file back.

    Attributes:
        format: The target whose format the file was in (`copilot`, `cursor`, `agents-md`,
            `claude`, or `markdown` for plain Markdown).
        path: The file's name (or path, for formats with a fixed one), as the original.
        frontmatter: The frontmatter exactly as written, fences and the blank lines after
            it included; empty when the file had none.
        ending: What follows the last block (usually one newline; empty when the file
            ended without one).
        newline: The file's line ending (CRLF for a file written on Windows).
    """

    format: Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    path: Annotated[str, Field(min_length=1)]
    frontmatter: str = ""
    ending: Annotated[str, Field(pattern=r"^[ \t\n]*$")] = "\n"
    newline: Literal["\n", "\r\n"] = "\n"


class StandardMeta(_Frozen):
    """A standard's `standard.yaml`: what it is and where it applies.

    Attributes:
        id: The standard's name; also the stem of its generated files.
        title: The document's level-1 heading; empty for none.
        applies_to: Globs of the files the standard governs; empty means every file.
        quote_globs: False to write globs unquoted where a format allows it, as in files
            written by hand (strict YAML parsers reject an unquoted `**/*.py`).
        tight_lists: Start a list on the line right after its heading, with no blank line
            between them (a section's own `tight` overrides it).
        description: What the standard is for (frontmatter of formats that want one).
        frontmatter: Extra frontmatter keys, written after the ones canon derives.
        assistants: The assistants the standard is for; empty means all.
        not_for: Assistants the standard is withheld from.
        intro: Blocks between the title and the first section.
        source: The file the standard was imported from, if it was.
    """

    id: Annotated[str, Field(pattern=STANDARD_ID_PATTERN)]
    title: str = ""
    applies_to: tuple[str, ...] = ()
    quote_globs: bool = True
    tight_lists: bool = False
    description: str = ""
    frontmatter: dict[str, str | bool | int | tuple[str, ...]] = {}
    assistants: tuple[str, ...] = ()
    not_for: tuple[str, ...] = ()
    intro: tuple[Block, ...] = ()
    source: SourceFile | None = None


class Standard(_Frozen):
    """A whole standard: its metadata and every section of its folder, in order.

    Attributes:
        meta: What `standard.yaml` says.
        sections: Every section of the folder's files, in document order.
        origins: Where things were written (`path:line:col`): each rule by id, and the
            standard's own keys as `standard.<key>`.
    """

    meta: StandardMeta
    sections: tuple[Section, ...]
    origins: dict[str, str] = {}

    def rules(self) -> tuple[Rule, ...]:
        """Every rule of the standard, in document order (nested rules included).

        Returns:
            The rules, depth first.
        """
        intro = tuple(item.rule for _, item in walk_rules(self.meta.intro))
        return intro + tuple(rule for section in self.sections for rule in section.rules())


def walk_rules(
    blocks: Iterable[Block], where: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], RuleItem]]:
    """Walk blocks depth first, in document order, yielding every rule item: the one walker.

    Args:
        blocks: The blocks (a section's, or a standard's intro).
        where: The blocks' own path in their YAML document (for positions).

    Yields:
        Each rule item's path (`(*where, index, "children", index, ...)`) and the item.
    """
    for index, block in enumerate(blocks):
        here = (*where, index)
        if isinstance(block, RuleItem):
            yield here, block
        if isinstance(block, RuleItem | ListItem):
            yield from walk_rules(block.children, (*here, "children"))


class Manifest(_Frozen):
    """`instructions/canon.yaml`: which standards compile to which targets, and where.

    Attributes:
        standards: Folders under `instructions/`, one per standard.
        targets: The assistant formats to write.
        out: The folder, relative to the project root, that generated paths start from.
    """

    standards: tuple[Annotated[str, Field(pattern=STANDARD_ID_PATTERN)], ...]
    targets: tuple[str, ...] = ("copilot",)
    out: str = "."


RuleItem.model_rebuild()
ListItem.model_rebuild()
