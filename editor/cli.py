"""The `duiqi` command: no arguments or files open the editor; `align` and `convert` run headless."""

from __future__ import annotations

import argparse
import io
import os
import sys
import threading
import time
from pathlib import Path
from typing import Sequence

from editor import __version__
from editor.errors import EditorError

EXIT_OK, EXIT_ERROR, EXIT_BAD_INPUT = 0, 1, 2
_MAIN_STARTED = time.perf_counter()

DESCRIPTION = """\
Duiqi (对齐) aligns a Chinese text with its English translation sentence by sentence and
writes a translation memory (TMX), a bilingual XLIFF, a table (TSV/XLSX) or a Duiqi project.

  duiqi                          open the editor
  duiqi FILE...                  open a project, or import texts into the editor
  duiqi --sample                 open the editor on the bundled sample and align it
  duiqi align ZH [EN] -o OUT     align headless (one file = bilingual: alternating paragraphs,
                                 same-line pairs or a two-column table)
  duiqi convert IN OUT           convert between project, TMX, XLIFF, table and JSON files
  duiqi batch JOBS -o DIR        align many pairs (a JOBS file, or --zh-dir A --en-dir B); DIR opens
                                 as a collection (duiqi DIR), --merge OUT writes one TMX of them all
  duiqi help [COMMAND]           this help, or a command's

Inputs: .txt .md .docx .html .odt .epub .pdf (with a text layer) .srt .xlsx .csv/.tsv
"""

SUBCOMMANDS = ("align", "convert", "batch")
GUI_OPTIONS = ("--sample",)        # what editor.app.open_arguments understands besides paths


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="duiqi", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"duiqi {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    align = commands.add_parser(
        "align", help="align a Chinese and an English text (or one mixed file) and write the result",
        description="Align a Chinese text with its English translation. Give one file with both "
                    "languages (alternating paragraphs, Chinese and English on the same line, or a table "
                    "with a Chinese and an English column), or the Chinese file and then the English file "
                    "(.txt, .docx, .html, .odt, .epub, .pdf, .srt, .xlsx, .csv). The output "
                    "format follows OUT's extension: .tmx, .xlf/.xliff, .tsv, .xlsx, .duiqi (project), "
                    ".json (for scripts) or .beads (one link a line, e.g. [0,1]:[0]).")
    align.add_argument("inputs", nargs="+", metavar="FILE", help="ZH and EN files, or one mixed file")
    align.add_argument("-o", "--output", required=True, metavar="OUT",
                       help="output file; '-' writes to standard output (as .json unless --format says otherwise)")
    align.add_argument("--format", metavar="EXT", help="output format when OUT has no extension or is '-' "
                                                       "(e.g. tmx, tsv, json, beads)")
    align.add_argument("--presegmented", action="store_true",
                       help="the inputs have one sentence per line: do not split them further")
    align.add_argument("--mode", choices=("length", "fast", "best"), default="best",
                       help="best: dictionary and sentence embeddings (default); fast: dictionary and lengths, "
                            "no embeddings; length: sentence lengths only, instant but often wrong")
    align.add_argument("--encoding", metavar="NAME", help="read the inputs in this encoding instead of detecting it")
    align.add_argument("--timings", action="store_true",
                       help="print how long each phase took (start-up, loading, aligning) to stderr")
    _add_clean_options(align)
    _add_export_options(align)

    batch = commands.add_parser(
        "batch", help="align many text pairs, on this machine's cores or on a Dask cluster",
        description="Align many text pairs and write DIR/NAME.EXT for each. JOBS is a text file with one job "
                    "a line: ZH<TAB>EN[<TAB>NAME], or MIXED[<TAB><TAB>NAME] for a file with both languages "
                    "(file names relative to the JOBS file; NAME defaults to the Chinese file's name without "
                    "its extension). Or give two folders: files with the same name are paired. Outputs that "
                    "exist already are skipped (a stopped batch resumes) unless --force.")
    batch.add_argument("jobs_file", nargs="?", metavar="JOBS", help="the JOBS file")
    batch.add_argument("--zh-dir", metavar="A", help="folder of Chinese files (with --en-dir, instead of JOBS)")
    batch.add_argument("--en-dir", metavar="B", help="folder of English files, paired with A's by file name")
    batch.add_argument("-o", "--output", required=True, metavar="DIR", help="output folder (created if missing)")
    batch.add_argument("--format", metavar="EXT", default="tmx",
                       help="output format: tmx (default), xlf, tsv, xlsx, duiqi, json, beads")
    batch.add_argument("--presegmented", action="store_true",
                       help="the inputs have one sentence per line: do not split them further")
    batch.add_argument("--mode", choices=("length", "fast", "best"), default="best", help="as for align")
    _add_clean_options(batch)
    batch.add_argument("--jobs", "-j", type=int, default=0, metavar="N",
                       help="worker processes (default: one per CPU); each loads the dictionary and model once")
    batch.add_argument("--dask", metavar="ADDRESS",
                       help="run the jobs on a Dask cluster: the scheduler's address, e.g. tcp://host:8786 "
                            "(needs pip install 'duiqi[cluster]' here and on the workers)")
    batch.add_argument("--dask-shared", action="store_true",
                       help="with --dask: the workers write the outputs into DIR themselves (DIR is a shared "
                            "folder at the same path on every worker); otherwise they send them back")
    batch.add_argument("--force", action="store_true", help="align again even where the output exists")
    batch.add_argument("--merge", metavar="OUT", help="after the batch, write every document into one .tmx or "
                                                      ".xlf/.xliff file (each unit names its document)")
    _add_export_options(batch)

    convert = commands.add_parser(
        "convert", help="convert an alignment between file formats",
        description="Convert an alignment between formats. IN: a Duiqi project (.duiqi), a translation memory "
                    "(.tmx), a bilingual XLIFF (.xlf/.xliff, Trados .sdlxliff, memoQ .mqxliff, Phrase .mxliff), a table "
                    "(.tsv/.csv/.xlsx, Chinese and English columns) or Duiqi's .json. OUT: .duiqi, .tmx, "
                    ".xlf/.xliff, .tsv, .xlsx, .json or .beads, by its extension. IN may also be a collection folder "
                    "(as `duiqi batch -o DIR` writes it): its documents are merged into one .tmx or .xlf/.xliff.")
    convert.add_argument("input", metavar="IN", help="the alignment to read (.duiqi .tmx .xlf .xliff .sdlxliff "
                                                      ".mqxliff .mxliff .tsv .csv .xlsx .json), or a "
                                                      "collection folder")
    convert.add_argument("output", metavar="OUT", help="the file to write; its extension picks the format "
                                                        "(.duiqi .tmx .xlf .xliff .tsv .xlsx .json .beads), "
                                                        "'-' writes to standard output")
    _add_export_options(convert, converting=True)
    return parser


def _add_clean_options(parser: argparse.ArgumentParser, *, punctuation: bool = True) -> None:
    """--no-clean (and the old --clean, now the default), as the editor's import dialog ticks them."""
    from editor.workflow import DEFAULT_CLEAN

    parser.add_argument("--no-clean", dest="clean", action="store_false", default=DEFAULT_CLEAN,
                        help="keep the text exactly as read; by default the safe repairs are made before "
                             "aligning: pinyin left after characters such as 聯(lián), garbled (mojibake) runs "
                             "that decode back exactly, stray spaces (never the one after 第一条 or （一）), list marks such as "
                             "'• ' (never a numbered clause's '1.')")
    parser.add_argument("--clean", dest="clean", action="store_true", help=argparse.SUPPRESS)
    if punctuation:
        parser.add_argument("--chinese-punctuation", action="store_true",
                            help="also make ASCII , : ; ? ! and () around Chinese full-width (，：；？！（）); "
                                 "numbers such as 1,000, English and URLs are left as they are")


def _cleanup_line(applied: list[dict]) -> str:
    """E.g. "repaired 3 import artefacts (pinyin artifact 2, whitespace 1); --no-clean keeps the text as read"."""
    kinds: dict[str, int] = {}
    for entry in applied:
        kinds[entry["kind"]] = kinds.get(entry["kind"], 0) + 1
    parts = ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items(), key=lambda kv: -kv[1]))
    return (f"repaired {len(applied)} import artefact{'s' if len(applied) != 1 else ''} ({parts}); "
            "--no-clean keeps the text as read")


def _add_export_options(parser: argparse.ArgumentParser, converting: bool = False) -> None:
    if converting:
        parser.add_argument("--src-lang", metavar="CODE",
                            help="which language of a multilingual TMX is the source (Chinese) side, and the code "
                                 "written for it (default: the file's own, else zh-CN or zh-TW by script)")
        parser.add_argument("--tgt-lang", metavar="CODE",
                            help="which language of a multilingual TMX is the target (English) side, and the code "
                                 "written for it (default: the file's own, else en-US)")
    else:
        parser.add_argument("--src-lang", metavar="CODE", help="Chinese language code written in the output "
                                                              "(default: zh-CN or zh-TW from the detected script)")
        parser.add_argument("--tgt-lang", metavar="CODE", help="English language code written in the output "
                                                              "(default: en-US)")
    parser.add_argument("--preset", choices=("generic", "trados", "memoq", "phrase", "omegat", "lokalize"),
                        default="generic",
                        help="the choices that suit a CAT tool: props, language codes, which links go in, "
                             "length limit (default generic; the README explains each)")
    parser.add_argument("--only-confirmed", action="store_true", help="export only links a person confirmed")
    parser.add_argument("--xliff-version", choices=("1.2", "2.0"), default="1.2", help="XLIFF version (default 1.2)")
    parser.add_argument("--max-length", type=int, metavar="N",
                        help="leave out segments longer than N characters (Trados Cloud rejects > 2000)")
    parser.add_argument("--reverse", action="store_true",
                        help="TMX/XLIFF: write English as the source language (for English-to-Chinese work)")
    parser.add_argument("--excel-bom", action="store_true",
                        help="TSV: start with a UTF-8 byte order mark so that Excel reads the Chinese correctly")
    parser.add_argument("--creation-id", metavar="NAME", type=_person_arg,
                        help="TMX: who made the links (creationid/changeid of links Duiqi made or you changed; "
                             "links from another tool's TMX keep their own; default Duiqi)")
    parser.add_argument("--quiet", "-q", action="store_true", help="print nothing but errors")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 failure, 2 bad input or usage).

    Input and output problems are one line on stderr naming the file, with status 2; a bug is a short
    message with the path of a crash log, with status 1. Never a traceback.
    """
    global _MAIN_STARTED
    _MAIN_STARTED = time.perf_counter()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "help":
        argv = [*argv[1:2], "--help"]
    if not argv or (argv[0] not in (*SUBCOMMANDS, "-h", "--help", "--version")):
        problem = gui_arguments_problem(argv)
        if problem:
            _say(f"duiqi: {problem}; 'duiqi --help' lists the commands")
            return EXIT_BAD_INPUT
        from editor.app import main as gui_main   # the GUI is only imported when it is wanted
        return gui_main(argv)
    parser = _build_parser()
    _refuse_unknown_options(parser, argv)
    args = parser.parse_args(argv)
    try:
        if args.command == "align":
            return _run_align(args)
        if args.command == "convert":
            return _run_convert(args)
        if args.command == "batch":
            return _run_batch(args)
    except EditorError as exc:
        return report_error(exc)
    except KeyboardInterrupt:
        _say("duiqi: interrupted")
        return EXIT_ERROR
    except MemoryError:
        _say("duiqi: error: out of memory; align a smaller part of the text")
        return EXIT_ERROR
    except Exception as exc:       # noqa: BLE001 - a bug: a short message and a crash log, not a traceback
        return report_bug(exc)
    return EXIT_OK


def gui_arguments_problem(argv: Sequence[str]) -> str | None:
    """What is wrong with arguments meant for the editor (paths that exist, or --sample), or None.

    A mistyped command must not open the editor (without a display Qt aborts; with one, -o would be ignored).
    """
    import difflib

    first = argv[0] if argv else None
    if first and not first.startswith("-") and not Path(first).exists() \
            and not any(c in first for c in "./\\") and not Path(first).suffix:
        close = difflib.get_close_matches(first, [*SUBCOMMANDS, "help"], n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return f"unknown command '{first}'{hint}"
    for arg in argv:
        if arg.startswith("-") and arg not in GUI_OPTIONS:
            return f"unknown option '{arg}' (the editor takes files to open or --sample; to align headless: " \
                   f"duiqi align ZH EN -o OUT)"
    paths = [a for a in argv if a not in GUI_OPTIONS]
    if len(paths) > 2:
        return f"the editor opens one project or two texts, not {len(paths)} files (many pairs: duiqi batch)"
    for arg in paths:
        if not Path(arg).exists():
            return f"{arg}: no such file or folder"
    return None


def _refuse_unknown_options(parser: argparse.ArgumentParser, argv: Sequence[str]) -> None:
    """Name an unknown option first: argparse would report only the missing arguments of `align --frobnicate`."""
    command = argv[0] if argv else None
    subparsers = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    sub = subparsers[0].choices.get(command) if subparsers and command else None
    if sub is None:
        return
    known = [s for action in sub._actions for s in action.option_strings]
    unknown = []
    for arg in argv[1:]:
        if arg == "--":
            break
        if not arg.startswith("-") or arg == "-" or arg[1:2].isdigit():
            continue
        name = arg.split("=", 1)[0]
        if name in known:
            continue
        if name.startswith("--") and sum(k.startswith(name) for k in known) == 1:
            continue                      # argparse's unique prefixes (--pres for --presegmented)
        if not name.startswith("--") and len(name) > 2 and name[:2] in known:
            continue                      # -ofile, -j2
        unknown.append(arg)
    if unknown:
        sub.error(f"unrecognized arguments: {' '.join(unknown)}")


def _say(line: str) -> None:
    """Print one line on stderr, even when stderr is closed or broken (then nothing is printed)."""
    try:
        if sys.stderr is not None:
            print(line, file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass


def report_error(exc: EditorError) -> int:
    """Print an input/output problem as one line; return EXIT_BAD_INPUT."""
    _say(f"duiqi: error: {' '.join(str(exc).split())}")
    return EXIT_BAD_INPUT


def report_bug(exc: BaseException) -> int:
    """Write the traceback of a bug to a crash log, print a short message naming it; return EXIT_ERROR."""
    import traceback

    from editor import paths

    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    where = "(no crash log could be written)"
    try:
        log = paths.log_dir() / f"crash-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.log"
        log.write_text(f"duiqi {__version__}\n{' '.join(sys.argv)}\n\n{text}", encoding="utf-8",
                       errors="backslashreplace")
        where = f"details in {log}"
    except OSError:
        pass
    message = ' '.join(str(exc).split())[:200]
    _say(f"duiqi: internal error ({type(exc).__name__}: {message}); this is a bug, please report it with "
         f"the crash log: {where}")
    return EXIT_ERROR


def _export_options(args: argparse.Namespace, presegmented: bool = False):
    from editor.exporting import DEFAULT_CREATION_ID, ExportOptions
    from editor.exporting.presets import apply_preset
    options = ExportOptions(only_confirmed=args.only_confirmed, src_lang=args.src_lang, tgt_lang=args.tgt_lang,
                            xliff_version=args.xliff_version, max_segment_length=args.max_length,
                            presegmented_ids=presegmented, reverse=args.reverse, excel_bom=args.excel_bom,
                            creation_id=args.creation_id or DEFAULT_CREATION_ID,
                            engine_id=args.creation_id or DEFAULT_CREATION_ID)
    return apply_preset(options, args.preset)


def _person_arg(value: str) -> str:
    """argparse type of --creation-id: the name checked as links keep names (a usage error says what is wrong)."""
    from editor.bitext.document import person_id
    try:
        return person_id(value) or ""
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _print_preset_notes(args: argparse.Namespace, output: str, fmt: str | None) -> None:
    """Say what the chosen preset leaves out of this format (before the export's own warnings)."""
    from editor.exporting.presets import omission_text, preset_omissions
    if args.quiet or args.preset == "generic":
        return
    suffix = f".{fmt.lstrip('.')}" if fmt else Path(output).suffix
    for omission in preset_omissions(args.preset, suffix):
        print(f"duiqi: warning: preset {args.preset}: {omission_text(omission, args.preset)}", file=sys.stderr)


def _run_align(args: argparse.Namespace) -> int:
    from editor.workflow import ImportOptions, align_document, check_align_paths, import_document

    if len(args.inputs) > 2:
        print("duiqi: error: give one mixed file or a Chinese file and an English file", file=sys.stderr)
        return EXIT_BAD_INPUT
    check_align_paths(args.inputs, args.output, args.format)         # before any work: the output must be writable
    from editor import timings

    options = ImportOptions(presegmented=args.presegmented,
                            encodings={p: args.encoding for p in args.inputs} if args.encoding else {},
                            src_lang=args.src_lang, tgt_lang=args.tgt_lang or "en-US", clean=args.clean,
                            punctuation=args.chinese_punctuation)
    started = time.perf_counter()
    if args.timings or timings.enabled():
        up = timings.since_process_start()
        if up is not None:
            timings.add("python and imports", up - (time.perf_counter() - _MAIN_STARTED))
        timings.add("imports and arguments", started - _MAIN_STARTED)
    with timings.phase("read and segment"):
        doc = import_document(args.inputs, options)
    from editor.importing.script import kana_verdict

    kana = kana_verdict("".join(s.text for s in doc.src[:20000]))
    if kana is not None:
        print(f"duiqi: warning: {doc.meta.src_file or args.inputs[0]}: {kana[1]}", file=sys.stderr)
    if len(args.inputs) == 2 and doc.meta.src_file == str(Path(args.inputs[1])) and not args.quiet:
        print(f"duiqi: note: {args.inputs[0]} looks like the English text and {args.inputs[1]} like the "
              f"Chinese one; aligned them the other way round", file=sys.stderr)
    progress = _ProgressPrinter(enabled=not args.quiet and sys.stderr.isatty())
    with timings.phase("align (all)"):
        doc.apply(align_document(doc, mode=args.mode, progress=progress))
    progress.done()
    doc.meta.alignment_mode = args.mode
    with timings.phase("export"):
        report = _write_output(doc, args.output, args.format, _export_options(args, args.presegmented))
    if args.timings or timings.enabled():
        up = timings.since_process_start()
        print(f"duiqi: {timings.report()}" + (f"; {up:.2f} s since the process started" if up else ""),
              file=sys.stderr)
    _print_preset_notes(args, args.output, args.format)
    if not args.quiet:
        counts = doc.counts()
        if doc.meta.cleanup_applied:
            print(f"duiqi: {_cleanup_line(doc.meta.cleanup_applied)}", file=sys.stderr)
        print(f"duiqi: {counts['src']} Chinese and {counts['tgt']} English segments, {counts['beads']} links "
              f"({counts['unlinked']} unlinked) in {time.perf_counter() - started:.1f} s; "
              f"wrote {report.written} to {args.output}", file=sys.stderr)
        for warning in report.warnings:
            print(f"duiqi: warning: {warning}", file=sys.stderr)
        _print_artefacts(doc, _export_options(args, args.presegmented))
    return EXIT_OK


def _print_artefacts(doc, options) -> None:
    """One line when units that look like import artefacts were written, or left out as doubtful links."""
    from editor.bitext.artefacts import check_document

    report = check_document(doc)
    if not report.count:
        return
    if options.only_confirmed or not options.keep_doubtful:
        print(f"duiqi: left out {report.summary()}", file=sys.stderr)
    else:
        print(f"duiqi: warning: wrote {report.summary()}; check them in the editor's review list",
              file=sys.stderr)


def _run_convert(args: argparse.Namespace) -> int:
    from editor.collection.store import is_collection
    from editor.exchange.opening import load_alignment
    from editor.exchange.units import ImportNotes
    from editor.workflow import check_output

    if Path(args.input).is_dir() or is_collection(args.input):
        return _merge_collection(args, args.input, args.output)
    check_output(args.output, [args.input])

    notes = ImportNotes()
    doc = load_alignment(Path(args.input), src_lang=args.src_lang, tgt_lang=args.tgt_lang, notes=notes)
    if args.src_lang:
        doc.meta.src_lang = args.src_lang
    if args.tgt_lang:
        doc.meta.tgt_lang = args.tgt_lang
    if not args.quiet:
        for message in notes.messages():
            print(f"duiqi: note: {args.input}: {message}", file=sys.stderr)
    report = _write_output(doc, args.output, None, _export_options(args))
    _print_preset_notes(args, args.output, None)
    if not args.quiet:
        from editor.exchange.summary import conversion_summary
        print(f"duiqi: {conversion_summary(doc, notes, report, args.output)}", file=sys.stderr)
        for warning in report.warnings:
            print(f"duiqi: warning: {warning}", file=sys.stderr)
        _print_artefacts(doc, _export_options(args))
    return EXIT_OK


def _write_output(doc, output: str, fmt: str | None, options):
    from editor.exporting import export_document, exporter_for
    from editor.file_checks import write_error

    if output != "-":
        try:
            return export_document(doc, output, options, fmt=fmt)
        except OSError as exc:
            raise write_error(exc, output) from None
    exporter = exporter_for(f"out.{fmt.lstrip('.')}" if fmt else "out.json")
    buffer = io.BytesIO()
    report = exporter(doc, buffer, options)
    try:
        sys.stdout.flush()
        pending = memoryview(buffer.getvalue())
        while pending:       # unbuffered (PYTHONUNBUFFERED), stdout is a FileIO whose write may be partial
            written = sys.stdout.buffer.write(pending)
            pending = pending[written or 0:]
        sys.stdout.flush()
    except (OSError, ValueError, AttributeError) as exc:
        _silence_stdout()
        reason = exc if isinstance(exc, OSError) else OSError(0, "standard output is closed")
        raise write_error(reason, "<standard output>") from None
    return report


def _silence_stdout() -> None:
    """After a failed write to stdout, point it at devnull so Python's exit-time flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass


def _run_batch(args: argparse.Namespace) -> int:
    from editor import batch
    from editor.exporting import exporter_for

    if bool(args.zh_dir) != bool(args.en_dir):
        print("duiqi: error: give both --zh-dir and --en-dir", file=sys.stderr)
        return EXIT_BAD_INPUT
    if bool(args.jobs_file) == bool(args.zh_dir):
        print("duiqi: error: give a JOBS file or --zh-dir and --en-dir (not both)", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.jobs < 0:
        print("duiqi: error: --jobs must be 1 or more", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.dask_shared and not args.dask:
        print("duiqi: error: --dask-shared needs --dask", file=sys.stderr)
        return EXIT_BAD_INPUT
    fmt = args.format.lstrip(".").lower()
    exporter_for(f"out.{fmt}")                   # an unknown format fails now, not after the first job
    jobs = batch.read_jobs_file(args.jobs_file) if args.jobs_file else batch.jobs_from_folders(args.zh_dir,
                                                                                              args.en_dir)
    out_dir = Path(args.output)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"duiqi: error: {out_dir}: cannot create the output folder: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not out_dir.is_dir():
        print(f"duiqi: error: {out_dir}: not a folder", file=sys.stderr)
        return EXIT_BAD_INPUT
    settings = batch.BatchSettings(str(out_dir), fmt=fmt, mode=args.mode, presegmented=args.presegmented,
                                   clean=args.clean, punctuation=args.chinese_punctuation,
                                   src_lang=args.src_lang, tgt_lang=args.tgt_lang or "en-US",
                                   export=_export_options(args))
    if args.merge:
        from editor.collection.merge import merge_suffix
        merge_suffix(args.merge)                 # an unknown merge format fails now, not after the batch
        if fmt not in batch.COLLECTION_FORMATS:
            print(f"duiqi: error: --merge needs outputs Duiqi can read again, not .{fmt}", file=sys.stderr)
            return EXIT_BAD_INPUT
    protected = [args.jobs_file] if args.jobs_file else []
    batch.check_outputs(jobs, settings, protected)   # an input or the JOBS file is never overwritten, --force or not
    progress = _BatchProgress(len(jobs), enabled=not args.quiet and sys.stderr.isatty())
    # the output folder is a collection (its index is kept as the jobs finish): `duiqi DIR` opens it
    index = batch.BatchCollection(jobs, settings) if fmt in batch.COLLECTION_FORMATS else None

    def on_result(result) -> None:
        if index is not None:
            index(result)
        progress(result)

    executor = batch.make_executor(args.jobs, args.dask, args.dask_shared)
    try:
        summary = batch.run_batch(jobs, settings, executor, force=args.force, on_result=on_result,
                                  protected=protected)
    finally:
        executor.close()
        progress.done()
        if index is not None:
            index.close()
    failed = summary.failed
    if not args.quiet:
        skipped = f", {len(summary.skipped)} skipped (output exists)" if summary.skipped else ""
        print(f"duiqi: {len(summary.done)} jobs aligned{skipped}, {len(failed)} failed; "
              f"{summary.total('sentences')} sentences, {summary.total('links')} links "
              f"({summary.total('unlinked')} unlinked), {summary.total('doubtful')} doubtful; "
              f"{summary.seconds:.1f} s", file=sys.stderr)
        # what each export left out or wrote with a warning (sentences without counterpart, doubtful links a
        # preset leaves out), as `duiqi align` says it for one file: the batch said nothing (an X11 audit: 63 of
        # 248 units dropped by --preset trados without a word)
        for result in summary.done:
            for warning in result.warnings:
                print(f"duiqi: warning: {result.name}: {warning}", file=sys.stderr)
        repaired = [{"kind": kind} for r in summary.results for kind, n in r.repaired.items() for _ in range(n)]
        if repaired:
            documents = sum(1 for r in summary.results if r.repaired)
            print(f"duiqi: {_cleanup_line(repaired)} (in {documents} document{'s' if documents != 1 else ''})",
                  file=sys.stderr)
    for result in failed:
        print(f"duiqi: failed: {result.name}: {result.error}", file=sys.stderr)
    if args.merge:
        _merge_collection(args, str(out_dir), args.merge)
    return EXIT_ERROR if failed else EXIT_OK


def _merge_collection(args: argparse.Namespace, folder: str, output: str) -> int:
    """Write the documents of a collection folder into one TMX or XLIFF file (`convert DIR OUT`, `batch --merge`)."""
    from editor.collection.merge import export_collection
    from editor.collection.store import Collection

    collection = Collection.open(folder)
    collection.refresh_stats()
    report = export_collection(collection, output, _export_options(args))
    _print_preset_notes(args, output, None)
    if not args.quiet:
        print(f"duiqi: wrote {report.written} units of {report.documents} documents to {output}", file=sys.stderr)
        for warning in report.warnings:
            print(f"duiqi: warning: {warning}", file=sys.stderr)
    for name, why in report.left_out:
        print(f"duiqi: warning: left out {name}: {why}", file=sys.stderr)
    return EXIT_OK


class _BatchProgress:
    """A one-line progress bar for a batch on a terminal: jobs done, sentences per second, time left."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total, self.enabled, self.finished, self.sentences = total, enabled, 0, 0
        self._aligned, self._started = 0, time.monotonic()

    def __call__(self, result) -> None:
        self.finished += 1
        if not result.skipped:
            self._aligned += 1
            self.sentences += result.sentences
        if not self.enabled:
            return
        elapsed = time.monotonic() - self._started
        rate = self.sentences / elapsed if elapsed > 0 else 0.0
        left = ""
        if self._aligned and self.finished < self.total:
            per_job = elapsed / self._aligned
            left = f", {per_job * (self.total - self.finished):.0f} s left"
        width = 24
        filled = int(width * self.finished / max(self.total, 1))
        print(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.finished}/{self.total} jobs, "
              f"{rate:.0f} sentences/s{left}   ", end="", file=sys.stderr, flush=True)

    def done(self) -> None:
        if self.enabled and self.finished:
            print(file=sys.stderr, flush=True)


class _ProgressPrinter:
    """Print alignment progress on a terminal, at most ten times a second."""

    def __init__(self, enabled: bool) -> None:
        self.enabled, self._last, self._lock = enabled, 0.0, threading.Lock()

    def __call__(self, fraction: float) -> None:
        now = time.monotonic()
        if self.enabled and now - self._last > 0.1:
            self._last = now
            print(f"\raligning… {fraction:4.0%}", end="", file=sys.stderr, flush=True)

    def done(self) -> None:
        if self.enabled:
            print("\r" + " " * 20 + "\r", end="", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
