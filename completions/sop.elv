
use builtin;
use str;

set edit:completion:arg-completer[sop] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'sop'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'sop'= {
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Make a records directory (and a git repository, when not inside one)'
            cand procedure 'The SOP catalogue: list, show, check, graph, doc'
            cand new 'Create a request at the first step of a procedure'
            cand advance 'Complete the current task or decision step and move on'
            cand approve 'Approve the current approval step'
            cand reject 'Reject the current approval step, with a reason'
            cand cancel 'Withdraw an open request, with a reason'
            cand edit 'Correct a request''s fields or title at a step you may act on (such as a returned form)'
            cand comment 'Add a comment to a request''s history, without moving it'
            cand assign 'Give the current step to one person who holds its role'
            cand unassign 'Give the current step back to every holder of its role'
            cand hold 'Put a request on hold (its clock stops) while it waits on something outside the office'
            cand resume 'Resume a held request, or one whose end the procedure lets be resumed'
            cand show 'One request: fields, current step with its due time, and history; or its flow (--graph)'
            cand print 'A request on paper (PDF or HTML): its form and history, or a step''s berita acara'
            cand attachment 'The files attached to a request (with NAME: that file''s content)'
            cand list 'Requests, newest first'
            cand report 'Counts per status and, per step, time taken against the standard time, with breaches; with --monitoring, Tabel 7 "Monitoring Pelaksanaan SOP AP" (each procedure judged) and a recap per month'
            cand site 'Write the SOP catalogue and the requests as a static HTML site'
            cand sync 'Pull (rebase) from the shared repository and push this office''s changes'
            cand asset 'The asset register: add, import, list, show'
            cand log 'A request''s history with the commit of each change and its signature status'
            cand verify 'Replay history and check every change; exit 6 when anything is wrong'
            cand completions 'Print a static completion script (live values: `COMPLETE=SHELL sop`)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'sop;init'= {
            cand --language 'The language sop speaks in this office, written into sop.toml as `language` (the example office''s is id; without it a new office has none, and sop follows $SOP_LANG, else the locale)'
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand --example 'Copy the shipped procedures and sample people of a Dinas Kominfo'
            cand --demo 'With --example: also a month of the office''s requests (several procedures, every status, some overdue) and assets, each made as a change of its own by the person who acted, to try `sop list`, `show` and `report` on'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sop;procedure'= {
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'The procedures of this office'
            cand show 'One procedure''s flow: each step, who does it, what it needs and where it leads'
            cand check 'Lint every procedure, sop.toml and people.toml; exit 3 on any finding'
            cand graph 'One procedure''s flowchart with a swimlane per role (--format mermaid, the default, or dot)'
            cand doc 'The SOP document as Permenpan RB 35/2012 lays it out: the identity page and the flow table (--format svg, pdf or html; svg by default)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'sop;procedure;list'= {
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sop;procedure;show'= {
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sop;procedure;check'= {
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sop;procedure;graph'= {
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sop;procedure;doc'= {
            cand --output 'Write the document to this file (through a temporary file and a rename)'
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sop;procedure;help'= {
            cand list 'The procedures of this office'
            cand show 'One procedure''s flow: each step, who does it, what it needs and where it leads'
            cand check 'Lint every procedure, sop.toml and people.toml; exit 3 on any finding'
            cand graph 'One procedure''s flowchart with a swimlane per role (--format mermaid, the default, or dot)'
            cand doc 'The SOP document as Permenpan RB 35/2012 lays it out: the identity page and the flow table (--format svg, pdf or html; svg by default)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'sop;procedure;help;list'= {
        }
        &'sop;procedure;help;show'= {
        }
        &'sop;procedure;help;check'= {
        }
        &'sop;procedure;help;graph'= {
        }
        &'sop;procedure;help;doc'= {
        }
        &'sop;procedure;help;help'= {
        }
        &'sop;new'= {
            cand --title 'A title (default: the procedure''s name)'
            cand --field 'A form field, NAME=VALUE; repeat for several'
            cand --asset 'The asset this request is about'
            cand --for 'Open it for a requester outside people.toml: "Name <contact>" (a phone, an email)'
            cand --attach 'Attach a file (FIELD=FILE fills the procedure''s file field FIELD); repeat for several'
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand -q 'Print only the request id on stdout, nothing on stderr but errors'
            cand --quiet 'Print only the request id on stdout, nothing on stderr but errors'
            cand -h 'Print help; with PROCEDURE, also the procedure''s form fields'
            cand --help 'Print help; with PROCEDURE, also the procedure''s form fields'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
        }
        &'sop;advance'= {
            cand --output 'What the step produced (its output)'
            cand --note 'A note for the history'
            cand --choose 'At a decision step: the option taken'
            cand --field 'A field the step records, NAME=VALUE; repeat for several'
            cand --attach 'Attach a file (FIELD=FILE fills the file field FIELD); repeat for several'
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand -q 'Print only the request id on stdout, nothing on stderr but errors'
            cand --quiet 'Print only the request id on stdout, nothing on stderr but errors'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sop;approve'= {
            cand --note 'A note for the history'
            cand --field 'A field the step records, NAME=VALUE; repeat for several'
            cand --attach 'Attach a file (FIELD=FILE fills the file field FIELD); repeat for several'
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand -q 'Print only the request id on stdout, nothing on stderr but errors'
            cand --quiet 'Print only the request id on stdout, nothing on stderr but errors'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sop;reject'= {
            cand --reason 'Why (required)'
            cand --attach 'Attach a file (FIELD=FILE fills the file field FIELD); repeat for several'
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand -q 'Print only the request id on stdout, nothing on stderr but errors'
            cand --quiet 'Print only the request id on stdout, nothing on stderr but errors'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sop;cancel'= {
            cand --reason 'Why (required)'
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand -q 'Print only the request id on stdout, nothing on stderr but errors'
            cand --quiet 'Print only the request id on stdout, nothing on stderr but errors'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sop;edit'= {
            cand --field 'A field to correct, NAME=VALUE; repeat for several'
            cand --title 'A new title'
            cand --note 'Why, for the history'
            cand --attach 'Attach a file (FIELD=FILE fills the file field FIELD); repeat for several'
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand -q 'Print only the request id on stdout, nothing on stderr but errors'
            cand --quiet 'Print only the request id on stdout, nothing on stderr but errors'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sop;comment'= {
            cand --attach 'Attach a file to the comment; repeat for several'
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand -q 'Print only the request id on stdout, nothing on stderr but errors'
            cand --quiet 'Print only the request id on stdout, nothing on stderr but errors'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sop;assign'= {
            cand --note 'A note for the history'
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand -q 'Print only the request id on stdout, nothing on stderr but errors'
            cand --quiet 'Print only the request id on stdout, nothing on stderr but errors'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sop;unassign'= {
            cand --note 'A note for the history'
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand -q 'Print only the request id on stdout, nothing on stderr but errors'
            cand --quiet 'Print only the request id on stdout, nothing on stderr but errors'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sop;hold'= {
            cand --reason 'What the request waits for (required)'
            cand --until 'The day the hold is expected to end, YYYY-MM-DD'
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand -q 'Print only the request id on stdout, nothing on stderr but errors'
            cand --quiet 'Print only the request id on stdout, nothing on stderr but errors'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sop;resume'= {
            cand --note 'A note for the history'
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand -q 'Print only the request id on stdout, nothing on stderr but errors'
            cand --quiet 'Print only the request id on stdout, nothing on stderr but errors'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sop;show'= {
            cand --graph 'Print the procedure''s flow instead, with the path this request took and where it is highlighted: `mermaid` (flowchart text) or `svg` (the SOP document''s flow table)'
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sop;print'= {
            cand --step 'Print the document of this step (the template its procedure names, such as a berita acara), not the request form'
            cand --output 'Write the printout to this file (through a temporary file and a rename)'
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sop;attachment'= {
            cand -o 'Write the file here instead of to standard output'
            cand --output 'Write the file here instead of to standard output'
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand --force 'With --output: replace a file that is already there'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sop;list'= {
            cand --status 'Only requests with this status (open, completed, rejected, cancelled, …)'
            cand --procedure 'Only requests of this procedure'
            cand --role 'Only open requests whose current step is for this role'
            cand --search 'Only requests holding every word of TEXT (in any case or accent) in their id, title, fields, outside requester, notes, comments, outputs or edits'
            cand --requester 'Only requests opened by this person (id or email), or for an outside requester whose name holds this text'
            cand --assignee 'Only requests whose current step is assigned to this person (id or email)'
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand --mine 'Only requests I made, or whose current step is assigned to me, or is unassigned and I may do it'
            cand --overdue 'Only open requests past the due time of their current step'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sop;report'= {
            cand --procedure 'Only this procedure'
            cand --since 'Only requests created on or after this date (YYYY-MM-DD); with --monitoring, the period''s first day (default: the first day of the month eleven months before --until''s)'
            cand --until 'Only requests created on or before this date (YYYY-MM-DD); with --monitoring, the period''s last day (default: today)'
            cand --output 'Write the monitoring to this file (through a temporary file and a rename)'
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand --monitoring 'Tabel 7 "Monitoring Pelaksanaan SOP AP": each procedure judged "berjalan dengan baik" or not by sop.toml''s [monitoring] rule, from the steps finished in the period, with a recap per month (--format table, json, csv, pdf or html)'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sop;site'= {
            cand -o 'The folder to write the site into: made when missing; else one `sop site` wrote before (it holds .sop-site.json). Inside the records repository only where git ignores it'
            cand --output 'The folder to write the site into: made when missing; else one `sop site` wrote before (it holds .sop-site.json). Inside the records repository only where git ignores it'
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sop;sync'= {
            cand --remote 'The remote (default: the branch''s upstream remote, else origin)'
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sop;asset'= {
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand add 'Register one asset'
            cand import 'Register or update many assets from CSV (with a header row) or JSON lines, in one commit'
            cand list 'Assets as committed, filtered'
            cand show 'One asset: its columns, status history and the requests about it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'sop;asset;add'= {
            cand --kind 'hardware, software or data'
            cand --name 'name'
            cand --status 'planned, in-stock, in-use, in-repair, transferred, disposed (default: in-use with a holder, else in-stock)'
            cand --kode-barang 'Kode barang (BMD goods code)'
            cand --nup 'NUP (register number)'
            cand --serial 'serial'
            cand --licence 'licence'
            cand --location 'location'
            cand --holder 'A person id or email from people.toml'
            cand --unit 'unit'
            cand --acquired 'Acquisition date, YYYY-MM-DD'
            cand --value 'Acquisition value in whole rupiah'
            cand --attr 'A free attribute, NAME=VALUE; repeat for several'
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand -q 'Print only the asset id on stdout, nothing on stderr but errors'
            cand --quiet 'Print only the asset id on stdout, nothing on stderr but errors'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sop;asset;import'= {
            cand --key 'Update the asset a row names instead of registering a new one: a column (serial, or id), or several in order of preference, each row matched by the first it has a value for, `+` joining columns that match together (serial,licence,kode_barang+nup)'
            cand --input-format 'The input''s format (default: JSON lines when it starts with ''{'', else CSV)'
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand --allow-duplicates 'Without --key: register rows even when their serial, licence or kode_barang+nup is an asset''s already, or another row''s of the file'
            cand --dry-run 'Validate only: report what would happen and write nothing'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sop;asset;list'= {
            cand --status 'status'
            cand --kind 'kind'
            cand --holder 'A person id or email'
            cand --location 'Assets whose location contains this text (any case)'
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sop;asset;show'= {
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sop;asset;help'= {
            cand add 'Register one asset'
            cand import 'Register or update many assets from CSV (with a header row) or JSON lines, in one commit'
            cand list 'Assets as committed, filtered'
            cand show 'One asset: its columns, status history and the requests about it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'sop;asset;help;add'= {
        }
        &'sop;asset;help;import'= {
        }
        &'sop;asset;help;list'= {
        }
        &'sop;asset;help;show'= {
        }
        &'sop;asset;help;help'= {
        }
        &'sop;log'= {
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sop;verify'= {
            cand --range 'Only the commits in OLD..NEW, e.g. what a push brings; the state at OLD is trusted'
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sop;completions'= {
            cand -C 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --records 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)'
            cand --as 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)'
            cand --format 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print'
            cand --color 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout'
            cand --wide 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sop;help'= {
            cand init 'Make a records directory (and a git repository, when not inside one)'
            cand procedure 'The SOP catalogue: list, show, check, graph, doc'
            cand new 'Create a request at the first step of a procedure'
            cand advance 'Complete the current task or decision step and move on'
            cand approve 'Approve the current approval step'
            cand reject 'Reject the current approval step, with a reason'
            cand cancel 'Withdraw an open request, with a reason'
            cand edit 'Correct a request''s fields or title at a step you may act on (such as a returned form)'
            cand comment 'Add a comment to a request''s history, without moving it'
            cand assign 'Give the current step to one person who holds its role'
            cand unassign 'Give the current step back to every holder of its role'
            cand hold 'Put a request on hold (its clock stops) while it waits on something outside the office'
            cand resume 'Resume a held request, or one whose end the procedure lets be resumed'
            cand show 'One request: fields, current step with its due time, and history; or its flow (--graph)'
            cand print 'A request on paper (PDF or HTML): its form and history, or a step''s berita acara'
            cand attachment 'The files attached to a request (with NAME: that file''s content)'
            cand list 'Requests, newest first'
            cand report 'Counts per status and, per step, time taken against the standard time, with breaches; with --monitoring, Tabel 7 "Monitoring Pelaksanaan SOP AP" (each procedure judged) and a recap per month'
            cand site 'Write the SOP catalogue and the requests as a static HTML site'
            cand sync 'Pull (rebase) from the shared repository and push this office''s changes'
            cand asset 'The asset register: add, import, list, show'
            cand log 'A request''s history with the commit of each change and its signature status'
            cand verify 'Replay history and check every change; exit 6 when anything is wrong'
            cand completions 'Print a static completion script (live values: `COMPLETE=SHELL sop`)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'sop;help;init'= {
        }
        &'sop;help;procedure'= {
            cand list 'The procedures of this office'
            cand show 'One procedure''s flow: each step, who does it, what it needs and where it leads'
            cand check 'Lint every procedure, sop.toml and people.toml; exit 3 on any finding'
            cand graph 'One procedure''s flowchart with a swimlane per role (--format mermaid, the default, or dot)'
            cand doc 'The SOP document as Permenpan RB 35/2012 lays it out: the identity page and the flow table (--format svg, pdf or html; svg by default)'
        }
        &'sop;help;procedure;list'= {
        }
        &'sop;help;procedure;show'= {
        }
        &'sop;help;procedure;check'= {
        }
        &'sop;help;procedure;graph'= {
        }
        &'sop;help;procedure;doc'= {
        }
        &'sop;help;new'= {
        }
        &'sop;help;advance'= {
        }
        &'sop;help;approve'= {
        }
        &'sop;help;reject'= {
        }
        &'sop;help;cancel'= {
        }
        &'sop;help;edit'= {
        }
        &'sop;help;comment'= {
        }
        &'sop;help;assign'= {
        }
        &'sop;help;unassign'= {
        }
        &'sop;help;hold'= {
        }
        &'sop;help;resume'= {
        }
        &'sop;help;show'= {
        }
        &'sop;help;print'= {
        }
        &'sop;help;attachment'= {
        }
        &'sop;help;list'= {
        }
        &'sop;help;report'= {
        }
        &'sop;help;site'= {
        }
        &'sop;help;sync'= {
        }
        &'sop;help;asset'= {
            cand add 'Register one asset'
            cand import 'Register or update many assets from CSV (with a header row) or JSON lines, in one commit'
            cand list 'Assets as committed, filtered'
            cand show 'One asset: its columns, status history and the requests about it'
        }
        &'sop;help;asset;add'= {
        }
        &'sop;help;asset;import'= {
        }
        &'sop;help;asset;list'= {
        }
        &'sop;help;asset;show'= {
        }
        &'sop;help;log'= {
        }
        &'sop;help;verify'= {
        }
        &'sop;help;completions'= {
        }
        &'sop;help;help'= {
        }
    ]
    $completions[$command]
}
