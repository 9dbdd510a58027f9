# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_sop_global_optspecs
    string join \n C/records= as= format= color= wide h/help V/version
end

function __fish_sop_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_sop_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_sop_using_subcommand
    set -l cmd (__fish_sop_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c sop -n "__fish_sop_needs_command" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_needs_command" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_needs_command" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_needs_command" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_needs_command" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sop -n "__fish_sop_needs_command" -s V -l version -d 'Print version'
complete -c sop -n "__fish_sop_needs_command" -f -a "init" -d 'Make a records directory (and a git repository, when not inside one)'
complete -c sop -n "__fish_sop_needs_command" -f -a "procedure" -d 'The SOP catalogue: list, show, check, graph, doc'
complete -c sop -n "__fish_sop_needs_command" -f -a "new" -d 'Create a request at the first step of a procedure'
complete -c sop -n "__fish_sop_needs_command" -f -a "advance" -d 'Complete the current task or decision step and move on'
complete -c sop -n "__fish_sop_needs_command" -f -a "approve" -d 'Approve the current approval step'
complete -c sop -n "__fish_sop_needs_command" -f -a "reject" -d 'Reject the current approval step, with a reason'
complete -c sop -n "__fish_sop_needs_command" -f -a "cancel" -d 'Withdraw an open request, with a reason'
complete -c sop -n "__fish_sop_needs_command" -f -a "edit" -d 'Correct a request\'s fields or title at a step you may act on (such as a returned form)'
complete -c sop -n "__fish_sop_needs_command" -f -a "comment" -d 'Add a comment to a request\'s history, without moving it'
complete -c sop -n "__fish_sop_needs_command" -f -a "assign" -d 'Give the current step to one person who holds its role'
complete -c sop -n "__fish_sop_needs_command" -f -a "unassign" -d 'Give the current step back to every holder of its role'
complete -c sop -n "__fish_sop_needs_command" -f -a "hold" -d 'Put a request on hold (its clock stops) while it waits on something outside the office'
complete -c sop -n "__fish_sop_needs_command" -f -a "resume" -d 'Resume a held request, or one whose end the procedure lets be resumed'
complete -c sop -n "__fish_sop_needs_command" -f -a "show" -d 'One request: fields, current step with its due time, and history; or its flow (--graph)'
complete -c sop -n "__fish_sop_needs_command" -f -a "print" -d 'A request on paper (PDF or HTML): its form and history, or a step\'s berita acara'
complete -c sop -n "__fish_sop_needs_command" -f -a "attachment" -d 'The files attached to a request (with NAME: that file\'s content)'
complete -c sop -n "__fish_sop_needs_command" -f -a "list" -d 'Requests, newest first'
complete -c sop -n "__fish_sop_needs_command" -f -a "report" -d 'Counts per status and, per step, time taken against the standard time, with breaches; with --monitoring, Tabel 7 "Monitoring Pelaksanaan SOP AP" (each procedure judged) and a recap per month'
complete -c sop -n "__fish_sop_needs_command" -f -a "site" -d 'Write the SOP catalogue and the requests as a static HTML site'
complete -c sop -n "__fish_sop_needs_command" -f -a "sync" -d 'Pull (rebase) from the shared repository and push this office\'s changes'
complete -c sop -n "__fish_sop_needs_command" -f -a "asset" -d 'The asset register: add, import, list, show'
complete -c sop -n "__fish_sop_needs_command" -f -a "log" -d 'A request\'s history with the commit of each change and its signature status'
complete -c sop -n "__fish_sop_needs_command" -f -a "verify" -d 'Replay history and check every change; exit 6 when anything is wrong'
complete -c sop -n "__fish_sop_needs_command" -f -a "completions" -d 'Print a static completion script (live values: `COMPLETE=SHELL sop`)'
complete -c sop -n "__fish_sop_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sop -n "__fish_sop_using_subcommand init" -l language -d 'The language sop speaks in this office, written into sop.toml as `language` (the example office\'s is id; without it a new office has none, and sop follows $SOP_LANG, else the locale)' -r -f -a "id\t''
en\t''"
complete -c sop -n "__fish_sop_using_subcommand init" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand init" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_using_subcommand init" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_using_subcommand init" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_using_subcommand init" -l example -d 'Copy the shipped procedures and sample people of a Dinas Kominfo'
complete -c sop -n "__fish_sop_using_subcommand init" -l demo -d 'With --example: also a month of the office\'s requests (several procedures, every status, some overdue) and assets, each made as a change of its own by the person who acted, to try `sop list`, `show` and `report` on'
complete -c sop -n "__fish_sop_using_subcommand init" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sop -n "__fish_sop_using_subcommand procedure; and not __fish_seen_subcommand_from list show check graph doc help" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand procedure; and not __fish_seen_subcommand_from list show check graph doc help" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_using_subcommand procedure; and not __fish_seen_subcommand_from list show check graph doc help" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_using_subcommand procedure; and not __fish_seen_subcommand_from list show check graph doc help" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_using_subcommand procedure; and not __fish_seen_subcommand_from list show check graph doc help" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_using_subcommand procedure; and not __fish_seen_subcommand_from list show check graph doc help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sop -n "__fish_sop_using_subcommand procedure; and not __fish_seen_subcommand_from list show check graph doc help" -f -a "list" -d 'The procedures of this office'
complete -c sop -n "__fish_sop_using_subcommand procedure; and not __fish_seen_subcommand_from list show check graph doc help" -f -a "show" -d 'One procedure\'s flow: each step, who does it, what it needs and where it leads'
complete -c sop -n "__fish_sop_using_subcommand procedure; and not __fish_seen_subcommand_from list show check graph doc help" -f -a "check" -d 'Lint every procedure, sop.toml and people.toml; exit 3 on any finding'
complete -c sop -n "__fish_sop_using_subcommand procedure; and not __fish_seen_subcommand_from list show check graph doc help" -f -a "graph" -d 'One procedure\'s flowchart with a swimlane per role (--format mermaid, the default, or dot)'
complete -c sop -n "__fish_sop_using_subcommand procedure; and not __fish_seen_subcommand_from list show check graph doc help" -f -a "doc" -d 'The SOP document as Permenpan RB 35/2012 lays it out: the identity page and the flow table (--format svg, pdf or html; svg by default)'
complete -c sop -n "__fish_sop_using_subcommand procedure; and not __fish_seen_subcommand_from list show check graph doc help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from list" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from list" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from list" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from list" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from list" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from show" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from show" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from show" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from show" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from show" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from check" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from check" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from check" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from check" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from check" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from graph" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from graph" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from graph" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from graph" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from graph" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from graph" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from doc" -l output -d 'Write the document to this file (through a temporary file and a rename)' -r -F
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from doc" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from doc" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from doc" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from doc" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from doc" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from doc" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from help" -f -a "list" -d 'The procedures of this office'
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from help" -f -a "show" -d 'One procedure\'s flow: each step, who does it, what it needs and where it leads'
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from help" -f -a "check" -d 'Lint every procedure, sop.toml and people.toml; exit 3 on any finding'
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from help" -f -a "graph" -d 'One procedure\'s flowchart with a swimlane per role (--format mermaid, the default, or dot)'
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from help" -f -a "doc" -d 'The SOP document as Permenpan RB 35/2012 lays it out: the identity page and the flow table (--format svg, pdf or html; svg by default)'
complete -c sop -n "__fish_sop_using_subcommand procedure; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sop -n "__fish_sop_using_subcommand new" -l title -d 'A title (default: the procedure\'s name)' -r
complete -c sop -n "__fish_sop_using_subcommand new" -l field -d 'A form field, NAME=VALUE; repeat for several' -r
complete -c sop -n "__fish_sop_using_subcommand new" -l asset -d 'The asset this request is about' -r
complete -c sop -n "__fish_sop_using_subcommand new" -l for -d 'Open it for a requester outside people.toml: "Name <contact>" (a phone, an email)' -r
complete -c sop -n "__fish_sop_using_subcommand new" -l attach -d 'Attach a file (FIELD=FILE fills the procedure\'s file field FIELD); repeat for several' -r -F
complete -c sop -n "__fish_sop_using_subcommand new" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand new" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_using_subcommand new" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_using_subcommand new" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_using_subcommand new" -s q -l quiet -d 'Print only the request id on stdout, nothing on stderr but errors'
complete -c sop -n "__fish_sop_using_subcommand new" -s h -l help -d 'Print help; with PROCEDURE, also the procedure\'s form fields'
complete -c sop -n "__fish_sop_using_subcommand new" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_using_subcommand advance" -l output -d 'What the step produced (its output)' -r
complete -c sop -n "__fish_sop_using_subcommand advance" -l note -d 'A note for the history' -r
complete -c sop -n "__fish_sop_using_subcommand advance" -l choose -d 'At a decision step: the option taken' -r
complete -c sop -n "__fish_sop_using_subcommand advance" -l field -d 'A field the step records, NAME=VALUE; repeat for several' -r
complete -c sop -n "__fish_sop_using_subcommand advance" -l attach -d 'Attach a file (FIELD=FILE fills the file field FIELD); repeat for several' -r -F
complete -c sop -n "__fish_sop_using_subcommand advance" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand advance" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_using_subcommand advance" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_using_subcommand advance" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_using_subcommand advance" -s q -l quiet -d 'Print only the request id on stdout, nothing on stderr but errors'
complete -c sop -n "__fish_sop_using_subcommand advance" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_using_subcommand advance" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sop -n "__fish_sop_using_subcommand approve" -l note -d 'A note for the history' -r
complete -c sop -n "__fish_sop_using_subcommand approve" -l field -d 'A field the step records, NAME=VALUE; repeat for several' -r
complete -c sop -n "__fish_sop_using_subcommand approve" -l attach -d 'Attach a file (FIELD=FILE fills the file field FIELD); repeat for several' -r -F
complete -c sop -n "__fish_sop_using_subcommand approve" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand approve" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_using_subcommand approve" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_using_subcommand approve" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_using_subcommand approve" -s q -l quiet -d 'Print only the request id on stdout, nothing on stderr but errors'
complete -c sop -n "__fish_sop_using_subcommand approve" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_using_subcommand approve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sop -n "__fish_sop_using_subcommand reject" -l reason -d 'Why (required)' -r
complete -c sop -n "__fish_sop_using_subcommand reject" -l attach -d 'Attach a file (FIELD=FILE fills the file field FIELD); repeat for several' -r -F
complete -c sop -n "__fish_sop_using_subcommand reject" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand reject" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_using_subcommand reject" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_using_subcommand reject" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_using_subcommand reject" -s q -l quiet -d 'Print only the request id on stdout, nothing on stderr but errors'
complete -c sop -n "__fish_sop_using_subcommand reject" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_using_subcommand reject" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sop -n "__fish_sop_using_subcommand cancel" -l reason -d 'Why (required)' -r
complete -c sop -n "__fish_sop_using_subcommand cancel" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand cancel" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_using_subcommand cancel" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_using_subcommand cancel" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_using_subcommand cancel" -s q -l quiet -d 'Print only the request id on stdout, nothing on stderr but errors'
complete -c sop -n "__fish_sop_using_subcommand cancel" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_using_subcommand cancel" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sop -n "__fish_sop_using_subcommand edit" -l field -d 'A field to correct, NAME=VALUE; repeat for several' -r
complete -c sop -n "__fish_sop_using_subcommand edit" -l title -d 'A new title' -r
complete -c sop -n "__fish_sop_using_subcommand edit" -l note -d 'Why, for the history' -r
complete -c sop -n "__fish_sop_using_subcommand edit" -l attach -d 'Attach a file (FIELD=FILE fills the file field FIELD); repeat for several' -r -F
complete -c sop -n "__fish_sop_using_subcommand edit" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand edit" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_using_subcommand edit" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_using_subcommand edit" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_using_subcommand edit" -s q -l quiet -d 'Print only the request id on stdout, nothing on stderr but errors'
complete -c sop -n "__fish_sop_using_subcommand edit" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_using_subcommand edit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sop -n "__fish_sop_using_subcommand comment" -l attach -d 'Attach a file to the comment; repeat for several' -r -F
complete -c sop -n "__fish_sop_using_subcommand comment" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand comment" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_using_subcommand comment" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_using_subcommand comment" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_using_subcommand comment" -s q -l quiet -d 'Print only the request id on stdout, nothing on stderr but errors'
complete -c sop -n "__fish_sop_using_subcommand comment" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_using_subcommand comment" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sop -n "__fish_sop_using_subcommand assign" -l note -d 'A note for the history' -r
complete -c sop -n "__fish_sop_using_subcommand assign" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand assign" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_using_subcommand assign" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_using_subcommand assign" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_using_subcommand assign" -s q -l quiet -d 'Print only the request id on stdout, nothing on stderr but errors'
complete -c sop -n "__fish_sop_using_subcommand assign" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_using_subcommand assign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sop -n "__fish_sop_using_subcommand unassign" -l note -d 'A note for the history' -r
complete -c sop -n "__fish_sop_using_subcommand unassign" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand unassign" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_using_subcommand unassign" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_using_subcommand unassign" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_using_subcommand unassign" -s q -l quiet -d 'Print only the request id on stdout, nothing on stderr but errors'
complete -c sop -n "__fish_sop_using_subcommand unassign" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_using_subcommand unassign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sop -n "__fish_sop_using_subcommand hold" -l reason -d 'What the request waits for (required)' -r
complete -c sop -n "__fish_sop_using_subcommand hold" -l until -d 'The day the hold is expected to end, YYYY-MM-DD' -r
complete -c sop -n "__fish_sop_using_subcommand hold" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand hold" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_using_subcommand hold" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_using_subcommand hold" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_using_subcommand hold" -s q -l quiet -d 'Print only the request id on stdout, nothing on stderr but errors'
complete -c sop -n "__fish_sop_using_subcommand hold" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_using_subcommand hold" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sop -n "__fish_sop_using_subcommand resume" -l note -d 'A note for the history' -r
complete -c sop -n "__fish_sop_using_subcommand resume" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand resume" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_using_subcommand resume" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_using_subcommand resume" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_using_subcommand resume" -s q -l quiet -d 'Print only the request id on stdout, nothing on stderr but errors'
complete -c sop -n "__fish_sop_using_subcommand resume" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_using_subcommand resume" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sop -n "__fish_sop_using_subcommand show" -l graph -d 'Print the procedure\'s flow instead, with the path this request took and where it is highlighted: `mermaid` (flowchart text) or `svg` (the SOP document\'s flow table)' -r -f -a "mermaid\t'Mermaid flowchart text with a swimlane per role'
svg\t'The flow table of the SOP document, as one SVG'"
complete -c sop -n "__fish_sop_using_subcommand show" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand show" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_using_subcommand show" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_using_subcommand show" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_using_subcommand show" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_using_subcommand show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sop -n "__fish_sop_using_subcommand print" -l step -d 'Print the document of this step (the template its procedure names, such as a berita acara), not the request form' -r
complete -c sop -n "__fish_sop_using_subcommand print" -l output -d 'Write the printout to this file (through a temporary file and a rename)' -r -F
complete -c sop -n "__fish_sop_using_subcommand print" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand print" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_using_subcommand print" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_using_subcommand print" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_using_subcommand print" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_using_subcommand print" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sop -n "__fish_sop_using_subcommand attachment" -s o -l output -d 'Write the file here instead of to standard output' -r -F
complete -c sop -n "__fish_sop_using_subcommand attachment" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand attachment" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_using_subcommand attachment" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_using_subcommand attachment" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_using_subcommand attachment" -l force -d 'With --output: replace a file that is already there'
complete -c sop -n "__fish_sop_using_subcommand attachment" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_using_subcommand attachment" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sop -n "__fish_sop_using_subcommand list" -l status -d 'Only requests with this status (open, completed, rejected, cancelled, …)' -r
complete -c sop -n "__fish_sop_using_subcommand list" -l procedure -d 'Only requests of this procedure' -r
complete -c sop -n "__fish_sop_using_subcommand list" -l role -d 'Only open requests whose current step is for this role' -r
complete -c sop -n "__fish_sop_using_subcommand list" -l search -d 'Only requests holding every word of TEXT (in any case or accent) in their id, title, fields, outside requester, notes, comments, outputs or edits' -r
complete -c sop -n "__fish_sop_using_subcommand list" -l requester -d 'Only requests opened by this person (id or email), or for an outside requester whose name holds this text' -r
complete -c sop -n "__fish_sop_using_subcommand list" -l assignee -d 'Only requests whose current step is assigned to this person (id or email)' -r
complete -c sop -n "__fish_sop_using_subcommand list" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand list" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_using_subcommand list" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_using_subcommand list" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_using_subcommand list" -l mine -d 'Only requests I made, or whose current step is assigned to me, or is unassigned and I may do it'
complete -c sop -n "__fish_sop_using_subcommand list" -l overdue -d 'Only open requests past the due time of their current step'
complete -c sop -n "__fish_sop_using_subcommand list" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_using_subcommand list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sop -n "__fish_sop_using_subcommand report" -l procedure -d 'Only this procedure' -r
complete -c sop -n "__fish_sop_using_subcommand report" -l since -d 'Only requests created on or after this date (YYYY-MM-DD); with --monitoring, the period\'s first day (default: the first day of the month eleven months before --until\'s)' -r
complete -c sop -n "__fish_sop_using_subcommand report" -l until -d 'Only requests created on or before this date (YYYY-MM-DD); with --monitoring, the period\'s last day (default: today)' -r
complete -c sop -n "__fish_sop_using_subcommand report" -l output -d 'Write the monitoring to this file (through a temporary file and a rename)' -r -F
complete -c sop -n "__fish_sop_using_subcommand report" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand report" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_using_subcommand report" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_using_subcommand report" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_using_subcommand report" -l monitoring -d 'Tabel 7 "Monitoring Pelaksanaan SOP AP": each procedure judged "berjalan dengan baik" or not by sop.toml\'s [monitoring] rule, from the steps finished in the period, with a recap per month (--format table, json, csv, pdf or html)'
complete -c sop -n "__fish_sop_using_subcommand report" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_using_subcommand report" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sop -n "__fish_sop_using_subcommand site" -s o -l output -d 'The folder to write the site into: made when missing; else one `sop site` wrote before (it holds .sop-site.json). Inside the records repository only where git ignores it' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand site" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand site" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_using_subcommand site" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_using_subcommand site" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_using_subcommand site" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_using_subcommand site" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sop -n "__fish_sop_using_subcommand sync" -l remote -d 'The remote (default: the branch\'s upstream remote, else origin)' -r
complete -c sop -n "__fish_sop_using_subcommand sync" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand sync" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_using_subcommand sync" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_using_subcommand sync" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_using_subcommand sync" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_using_subcommand sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sop -n "__fish_sop_using_subcommand asset; and not __fish_seen_subcommand_from add import list show help" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand asset; and not __fish_seen_subcommand_from add import list show help" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_using_subcommand asset; and not __fish_seen_subcommand_from add import list show help" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_using_subcommand asset; and not __fish_seen_subcommand_from add import list show help" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_using_subcommand asset; and not __fish_seen_subcommand_from add import list show help" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_using_subcommand asset; and not __fish_seen_subcommand_from add import list show help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sop -n "__fish_sop_using_subcommand asset; and not __fish_seen_subcommand_from add import list show help" -f -a "add" -d 'Register one asset'
complete -c sop -n "__fish_sop_using_subcommand asset; and not __fish_seen_subcommand_from add import list show help" -f -a "import" -d 'Register or update many assets from CSV (with a header row) or JSON lines, in one commit'
complete -c sop -n "__fish_sop_using_subcommand asset; and not __fish_seen_subcommand_from add import list show help" -f -a "list" -d 'Assets as committed, filtered'
complete -c sop -n "__fish_sop_using_subcommand asset; and not __fish_seen_subcommand_from add import list show help" -f -a "show" -d 'One asset: its columns, status history and the requests about it'
complete -c sop -n "__fish_sop_using_subcommand asset; and not __fish_seen_subcommand_from add import list show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from add" -l kind -d 'hardware, software or data' -r
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from add" -l name -r
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from add" -l status -d 'planned, in-stock, in-use, in-repair, transferred, disposed (default: in-use with a holder, else in-stock)' -r
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from add" -l kode-barang -d 'Kode barang (BMD goods code)' -r
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from add" -l nup -d 'NUP (register number)' -r
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from add" -l serial -r
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from add" -l licence -r
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from add" -l location -r
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from add" -l holder -d 'A person id or email from people.toml' -r
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from add" -l unit -r
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from add" -l acquired -d 'Acquisition date, YYYY-MM-DD' -r
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from add" -l value -d 'Acquisition value in whole rupiah' -r
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from add" -l attr -d 'A free attribute, NAME=VALUE; repeat for several' -r
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from add" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from add" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from add" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from add" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only the asset id on stdout, nothing on stderr but errors'
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from add" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from import" -l key -d 'Update the asset a row names instead of registering a new one: a column (serial, or id), or several in order of preference, each row matched by the first it has a value for, `+` joining columns that match together (serial,licence,kode_barang+nup)' -r
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from import" -l input-format -d 'The input\'s format (default: JSON lines when it starts with \'{\', else CSV)' -r -f -a "csv\t''
jsonl\t''"
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from import" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from import" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from import" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from import" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from import" -l allow-duplicates -d 'Without --key: register rows even when their serial, licence or kode_barang+nup is an asset\'s already, or another row\'s of the file'
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from import" -l dry-run -d 'Validate only: report what would happen and write nothing'
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from import" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from list" -l status -r
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from list" -l kind -r
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from list" -l holder -d 'A person id or email' -r
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from list" -l location -d 'Assets whose location contains this text (any case)' -r
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from list" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from list" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from list" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from list" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from list" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from show" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from show" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from show" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from show" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from show" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from help" -f -a "add" -d 'Register one asset'
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from help" -f -a "import" -d 'Register or update many assets from CSV (with a header row) or JSON lines, in one commit'
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from help" -f -a "list" -d 'Assets as committed, filtered'
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from help" -f -a "show" -d 'One asset: its columns, status history and the requests about it'
complete -c sop -n "__fish_sop_using_subcommand asset; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sop -n "__fish_sop_using_subcommand log" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand log" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_using_subcommand log" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_using_subcommand log" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_using_subcommand log" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_using_subcommand log" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sop -n "__fish_sop_using_subcommand verify" -l range -d 'Only the commits in OLD..NEW, e.g. what a push brings; the state at OLD is trusted' -r
complete -c sop -n "__fish_sop_using_subcommand verify" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand verify" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_using_subcommand verify" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_using_subcommand verify" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_using_subcommand verify" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_using_subcommand verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sop -n "__fish_sop_using_subcommand completions" -s C -l records -d 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)' -r -f -a "(__fish_complete_directories)"
complete -c sop -n "__fish_sop_using_subcommand completions" -l as -d 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git\'s user.email)' -r
complete -c sop -n "__fish_sop_using_subcommand completions" -l format -d 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print' -r -f -a "table\t'For people: tables and sentences'
json\t'One JSON document (docs/contract.md)'
csv\t'A header row, then one row per record'
id\t'One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change'
mermaid\t'Flowchart text for `sop procedure graph` (Mermaid)'
dot\t'Flowchart text for `sop procedure graph` (Graphviz)'
svg\t'The SOP document for `sop procedure doc` (SVG, the pages one under another)'
pdf\t'A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request\'s printout for `sop print` (A4 portrait)'
html\t'A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request\'s printout for `sop print`'"
complete -c sop -n "__fish_sop_using_subcommand completions" -l color -d 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sop -n "__fish_sop_using_subcommand completions" -l wide -d 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
complete -c sop -n "__fish_sop_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sop -n "__fish_sop_using_subcommand help; and not __fish_seen_subcommand_from init procedure new advance approve reject cancel edit comment assign unassign hold resume show print attachment list report site sync asset log verify completions help" -f -a "init" -d 'Make a records directory (and a git repository, when not inside one)'
complete -c sop -n "__fish_sop_using_subcommand help; and not __fish_seen_subcommand_from init procedure new advance approve reject cancel edit comment assign unassign hold resume show print attachment list report site sync asset log verify completions help" -f -a "procedure" -d 'The SOP catalogue: list, show, check, graph, doc'
complete -c sop -n "__fish_sop_using_subcommand help; and not __fish_seen_subcommand_from init procedure new advance approve reject cancel edit comment assign unassign hold resume show print attachment list report site sync asset log verify completions help" -f -a "new" -d 'Create a request at the first step of a procedure'
complete -c sop -n "__fish_sop_using_subcommand help; and not __fish_seen_subcommand_from init procedure new advance approve reject cancel edit comment assign unassign hold resume show print attachment list report site sync asset log verify completions help" -f -a "advance" -d 'Complete the current task or decision step and move on'
complete -c sop -n "__fish_sop_using_subcommand help; and not __fish_seen_subcommand_from init procedure new advance approve reject cancel edit comment assign unassign hold resume show print attachment list report site sync asset log verify completions help" -f -a "approve" -d 'Approve the current approval step'
complete -c sop -n "__fish_sop_using_subcommand help; and not __fish_seen_subcommand_from init procedure new advance approve reject cancel edit comment assign unassign hold resume show print attachment list report site sync asset log verify completions help" -f -a "reject" -d 'Reject the current approval step, with a reason'
complete -c sop -n "__fish_sop_using_subcommand help; and not __fish_seen_subcommand_from init procedure new advance approve reject cancel edit comment assign unassign hold resume show print attachment list report site sync asset log verify completions help" -f -a "cancel" -d 'Withdraw an open request, with a reason'
complete -c sop -n "__fish_sop_using_subcommand help; and not __fish_seen_subcommand_from init procedure new advance approve reject cancel edit comment assign unassign hold resume show print attachment list report site sync asset log verify completions help" -f -a "edit" -d 'Correct a request\'s fields or title at a step you may act on (such as a returned form)'
complete -c sop -n "__fish_sop_using_subcommand help; and not __fish_seen_subcommand_from init procedure new advance approve reject cancel edit comment assign unassign hold resume show print attachment list report site sync asset log verify completions help" -f -a "comment" -d 'Add a comment to a request\'s history, without moving it'
complete -c sop -n "__fish_sop_using_subcommand help; and not __fish_seen_subcommand_from init procedure new advance approve reject cancel edit comment assign unassign hold resume show print attachment list report site sync asset log verify completions help" -f -a "assign" -d 'Give the current step to one person who holds its role'
complete -c sop -n "__fish_sop_using_subcommand help; and not __fish_seen_subcommand_from init procedure new advance approve reject cancel edit comment assign unassign hold resume show print attachment list report site sync asset log verify completions help" -f -a "unassign" -d 'Give the current step back to every holder of its role'
complete -c sop -n "__fish_sop_using_subcommand help; and not __fish_seen_subcommand_from init procedure new advance approve reject cancel edit comment assign unassign hold resume show print attachment list report site sync asset log verify completions help" -f -a "hold" -d 'Put a request on hold (its clock stops) while it waits on something outside the office'
complete -c sop -n "__fish_sop_using_subcommand help; and not __fish_seen_subcommand_from init procedure new advance approve reject cancel edit comment assign unassign hold resume show print attachment list report site sync asset log verify completions help" -f -a "resume" -d 'Resume a held request, or one whose end the procedure lets be resumed'
complete -c sop -n "__fish_sop_using_subcommand help; and not __fish_seen_subcommand_from init procedure new advance approve reject cancel edit comment assign unassign hold resume show print attachment list report site sync asset log verify completions help" -f -a "show" -d 'One request: fields, current step with its due time, and history; or its flow (--graph)'
complete -c sop -n "__fish_sop_using_subcommand help; and not __fish_seen_subcommand_from init procedure new advance approve reject cancel edit comment assign unassign hold resume show print attachment list report site sync asset log verify completions help" -f -a "print" -d 'A request on paper (PDF or HTML): its form and history, or a step\'s berita acara'
complete -c sop -n "__fish_sop_using_subcommand help; and not __fish_seen_subcommand_from init procedure new advance approve reject cancel edit comment assign unassign hold resume show print attachment list report site sync asset log verify completions help" -f -a "attachment" -d 'The files attached to a request (with NAME: that file\'s content)'
complete -c sop -n "__fish_sop_using_subcommand help; and not __fish_seen_subcommand_from init procedure new advance approve reject cancel edit comment assign unassign hold resume show print attachment list report site sync asset log verify completions help" -f -a "list" -d 'Requests, newest first'
complete -c sop -n "__fish_sop_using_subcommand help; and not __fish_seen_subcommand_from init procedure new advance approve reject cancel edit comment assign unassign hold resume show print attachment list report site sync asset log verify completions help" -f -a "report" -d 'Counts per status and, per step, time taken against the standard time, with breaches; with --monitoring, Tabel 7 "Monitoring Pelaksanaan SOP AP" (each procedure judged) and a recap per month'
complete -c sop -n "__fish_sop_using_subcommand help; and not __fish_seen_subcommand_from init procedure new advance approve reject cancel edit comment assign unassign hold resume show print attachment list report site sync asset log verify completions help" -f -a "site" -d 'Write the SOP catalogue and the requests as a static HTML site'
complete -c sop -n "__fish_sop_using_subcommand help; and not __fish_seen_subcommand_from init procedure new advance approve reject cancel edit comment assign unassign hold resume show print attachment list report site sync asset log verify completions help" -f -a "sync" -d 'Pull (rebase) from the shared repository and push this office\'s changes'
complete -c sop -n "__fish_sop_using_subcommand help; and not __fish_seen_subcommand_from init procedure new advance approve reject cancel edit comment assign unassign hold resume show print attachment list report site sync asset log verify completions help" -f -a "asset" -d 'The asset register: add, import, list, show'
complete -c sop -n "__fish_sop_using_subcommand help; and not __fish_seen_subcommand_from init procedure new advance approve reject cancel edit comment assign unassign hold resume show print attachment list report site sync asset log verify completions help" -f -a "log" -d 'A request\'s history with the commit of each change and its signature status'
complete -c sop -n "__fish_sop_using_subcommand help; and not __fish_seen_subcommand_from init procedure new advance approve reject cancel edit comment assign unassign hold resume show print attachment list report site sync asset log verify completions help" -f -a "verify" -d 'Replay history and check every change; exit 6 when anything is wrong'
complete -c sop -n "__fish_sop_using_subcommand help; and not __fish_seen_subcommand_from init procedure new advance approve reject cancel edit comment assign unassign hold resume show print attachment list report site sync asset log verify completions help" -f -a "completions" -d 'Print a static completion script (live values: `COMPLETE=SHELL sop`)'
complete -c sop -n "__fish_sop_using_subcommand help; and not __fish_seen_subcommand_from init procedure new advance approve reject cancel edit comment assign unassign hold resume show print attachment list report site sync asset log verify completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sop -n "__fish_sop_using_subcommand help; and __fish_seen_subcommand_from procedure" -f -a "list" -d 'The procedures of this office'
complete -c sop -n "__fish_sop_using_subcommand help; and __fish_seen_subcommand_from procedure" -f -a "show" -d 'One procedure\'s flow: each step, who does it, what it needs and where it leads'
complete -c sop -n "__fish_sop_using_subcommand help; and __fish_seen_subcommand_from procedure" -f -a "check" -d 'Lint every procedure, sop.toml and people.toml; exit 3 on any finding'
complete -c sop -n "__fish_sop_using_subcommand help; and __fish_seen_subcommand_from procedure" -f -a "graph" -d 'One procedure\'s flowchart with a swimlane per role (--format mermaid, the default, or dot)'
complete -c sop -n "__fish_sop_using_subcommand help; and __fish_seen_subcommand_from procedure" -f -a "doc" -d 'The SOP document as Permenpan RB 35/2012 lays it out: the identity page and the flow table (--format svg, pdf or html; svg by default)'
complete -c sop -n "__fish_sop_using_subcommand help; and __fish_seen_subcommand_from asset" -f -a "add" -d 'Register one asset'
complete -c sop -n "__fish_sop_using_subcommand help; and __fish_seen_subcommand_from asset" -f -a "import" -d 'Register or update many assets from CSV (with a header row) or JSON lines, in one commit'
complete -c sop -n "__fish_sop_using_subcommand help; and __fish_seen_subcommand_from asset" -f -a "list" -d 'Assets as committed, filtered'
complete -c sop -n "__fish_sop_using_subcommand help; and __fish_seen_subcommand_from asset" -f -a "show" -d 'One asset: its columns, status history and the requests about it'
