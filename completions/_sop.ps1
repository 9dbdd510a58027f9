
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'sop' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'sop'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'sop' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Make a records directory (and a git repository, when not inside one)')
            [CompletionResult]::new('procedure', 'procedure', [CompletionResultType]::ParameterValue, 'The SOP catalogue: list, show, check, graph, doc')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Create a request at the first step of a procedure')
            [CompletionResult]::new('advance', 'advance', [CompletionResultType]::ParameterValue, 'Complete the current task or decision step and move on')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve the current approval step')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Reject the current approval step, with a reason')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Withdraw an open request, with a reason')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Correct a request''s fields or title at a step you may act on (such as a returned form)')
            [CompletionResult]::new('comment', 'comment', [CompletionResultType]::ParameterValue, 'Add a comment to a request''s history, without moving it')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Give the current step to one person who holds its role')
            [CompletionResult]::new('unassign', 'unassign', [CompletionResultType]::ParameterValue, 'Give the current step back to every holder of its role')
            [CompletionResult]::new('hold', 'hold', [CompletionResultType]::ParameterValue, 'Put a request on hold (its clock stops) while it waits on something outside the office')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume a held request, or one whose end the procedure lets be resumed')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One request: fields, current step with its due time, and history; or its flow (--graph)')
            [CompletionResult]::new('print', 'print', [CompletionResultType]::ParameterValue, 'A request on paper (PDF or HTML): its form and history, or a step''s berita acara')
            [CompletionResult]::new('attachment', 'attachment', [CompletionResultType]::ParameterValue, 'The files attached to a request (with NAME: that file''s content)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Requests, newest first')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Counts per status and, per step, time taken against the standard time, with breaches; with --monitoring, Tabel 7 "Monitoring Pelaksanaan SOP AP" (each procedure judged) and a recap per month')
            [CompletionResult]::new('site', 'site', [CompletionResultType]::ParameterValue, 'Write the SOP catalogue and the requests as a static HTML site')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Pull (rebase) from the shared repository and push this office''s changes')
            [CompletionResult]::new('asset', 'asset', [CompletionResultType]::ParameterValue, 'The asset register: add, import, list, show')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'A request''s history with the commit of each change and its signature status')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Replay history and check every change; exit 6 when anything is wrong')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a static completion script (live values: `COMPLETE=SHELL sop`)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sop;init' {
            [CompletionResult]::new('--language', '--language', [CompletionResultType]::ParameterName, 'The language sop speaks in this office, written into sop.toml as `language` (the example office''s is id; without it a new office has none, and sop follows $SOP_LANG, else the locale)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('--example', '--example', [CompletionResultType]::ParameterName, 'Copy the shipped procedures and sample people of a Dinas Kominfo')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'With --example: also a month of the office''s requests (several procedures, every status, some overdue) and assets, each made as a change of its own by the person who acted, to try `sop list`, `show` and `report` on')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sop;procedure' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The procedures of this office')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One procedure''s flow: each step, who does it, what it needs and where it leads')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Lint every procedure, sop.toml and people.toml; exit 3 on any finding')
            [CompletionResult]::new('graph', 'graph', [CompletionResultType]::ParameterValue, 'One procedure''s flowchart with a swimlane per role (--format mermaid, the default, or dot)')
            [CompletionResult]::new('doc', 'doc', [CompletionResultType]::ParameterValue, 'The SOP document as Permenpan RB 35/2012 lays it out: the identity page and the flow table (--format svg, pdf or html; svg by default)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sop;procedure;list' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sop;procedure;show' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sop;procedure;check' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sop;procedure;graph' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sop;procedure;doc' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the document to this file (through a temporary file and a rename)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sop;procedure;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The procedures of this office')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One procedure''s flow: each step, who does it, what it needs and where it leads')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Lint every procedure, sop.toml and people.toml; exit 3 on any finding')
            [CompletionResult]::new('graph', 'graph', [CompletionResultType]::ParameterValue, 'One procedure''s flowchart with a swimlane per role (--format mermaid, the default, or dot)')
            [CompletionResult]::new('doc', 'doc', [CompletionResultType]::ParameterValue, 'The SOP document as Permenpan RB 35/2012 lays it out: the identity page and the flow table (--format svg, pdf or html; svg by default)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sop;procedure;help;list' {
            break
        }
        'sop;procedure;help;show' {
            break
        }
        'sop;procedure;help;check' {
            break
        }
        'sop;procedure;help;graph' {
            break
        }
        'sop;procedure;help;doc' {
            break
        }
        'sop;procedure;help;help' {
            break
        }
        'sop;new' {
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'A title (default: the procedure''s name)')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'A form field, NAME=VALUE; repeat for several')
            [CompletionResult]::new('--asset', '--asset', [CompletionResultType]::ParameterName, 'The asset this request is about')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Open it for a requester outside people.toml: "Name <contact>" (a phone, an email)')
            [CompletionResult]::new('--attach', '--attach', [CompletionResultType]::ParameterName, 'Attach a file (FIELD=FILE fills the procedure''s file field FIELD); repeat for several')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the request id on stdout, nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the request id on stdout, nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help; with PROCEDURE, also the procedure''s form fields')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help; with PROCEDURE, also the procedure''s form fields')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            break
        }
        'sop;advance' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'What the step produced (its output)')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A note for the history')
            [CompletionResult]::new('--choose', '--choose', [CompletionResultType]::ParameterName, 'At a decision step: the option taken')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'A field the step records, NAME=VALUE; repeat for several')
            [CompletionResult]::new('--attach', '--attach', [CompletionResultType]::ParameterName, 'Attach a file (FIELD=FILE fills the file field FIELD); repeat for several')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the request id on stdout, nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the request id on stdout, nothing on stderr but errors')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sop;approve' {
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A note for the history')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'A field the step records, NAME=VALUE; repeat for several')
            [CompletionResult]::new('--attach', '--attach', [CompletionResultType]::ParameterName, 'Attach a file (FIELD=FILE fills the file field FIELD); repeat for several')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the request id on stdout, nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the request id on stdout, nothing on stderr but errors')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sop;reject' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (required)')
            [CompletionResult]::new('--attach', '--attach', [CompletionResultType]::ParameterName, 'Attach a file (FIELD=FILE fills the file field FIELD); repeat for several')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the request id on stdout, nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the request id on stdout, nothing on stderr but errors')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sop;cancel' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (required)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the request id on stdout, nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the request id on stdout, nothing on stderr but errors')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sop;edit' {
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'A field to correct, NAME=VALUE; repeat for several')
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'A new title')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'Why, for the history')
            [CompletionResult]::new('--attach', '--attach', [CompletionResultType]::ParameterName, 'Attach a file (FIELD=FILE fills the file field FIELD); repeat for several')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the request id on stdout, nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the request id on stdout, nothing on stderr but errors')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sop;comment' {
            [CompletionResult]::new('--attach', '--attach', [CompletionResultType]::ParameterName, 'Attach a file to the comment; repeat for several')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the request id on stdout, nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the request id on stdout, nothing on stderr but errors')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sop;assign' {
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A note for the history')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the request id on stdout, nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the request id on stdout, nothing on stderr but errors')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sop;unassign' {
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A note for the history')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the request id on stdout, nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the request id on stdout, nothing on stderr but errors')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sop;hold' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'What the request waits for (required)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'The day the hold is expected to end, YYYY-MM-DD')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the request id on stdout, nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the request id on stdout, nothing on stderr but errors')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sop;resume' {
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A note for the history')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the request id on stdout, nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the request id on stdout, nothing on stderr but errors')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sop;show' {
            [CompletionResult]::new('--graph', '--graph', [CompletionResultType]::ParameterName, 'Print the procedure''s flow instead, with the path this request took and where it is highlighted: `mermaid` (flowchart text) or `svg` (the SOP document''s flow table)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sop;print' {
            [CompletionResult]::new('--step', '--step', [CompletionResultType]::ParameterName, 'Print the document of this step (the template its procedure names, such as a berita acara), not the request form')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the printout to this file (through a temporary file and a rename)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sop;attachment' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the file here instead of to standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the file here instead of to standard output')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'With --output: replace a file that is already there')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sop;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only requests with this status (open, completed, rejected, cancelled, …)')
            [CompletionResult]::new('--procedure', '--procedure', [CompletionResultType]::ParameterName, 'Only requests of this procedure')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'Only open requests whose current step is for this role')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Only requests holding every word of TEXT (in any case or accent) in their id, title, fields, outside requester, notes, comments, outputs or edits')
            [CompletionResult]::new('--requester', '--requester', [CompletionResultType]::ParameterName, 'Only requests opened by this person (id or email), or for an outside requester whose name holds this text')
            [CompletionResult]::new('--assignee', '--assignee', [CompletionResultType]::ParameterName, 'Only requests whose current step is assigned to this person (id or email)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('--mine', '--mine', [CompletionResultType]::ParameterName, 'Only requests I made, or whose current step is assigned to me, or is unassigned and I may do it')
            [CompletionResult]::new('--overdue', '--overdue', [CompletionResultType]::ParameterName, 'Only open requests past the due time of their current step')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sop;report' {
            [CompletionResult]::new('--procedure', '--procedure', [CompletionResultType]::ParameterName, 'Only this procedure')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only requests created on or after this date (YYYY-MM-DD); with --monitoring, the period''s first day (default: the first day of the month eleven months before --until''s)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only requests created on or before this date (YYYY-MM-DD); with --monitoring, the period''s last day (default: today)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the monitoring to this file (through a temporary file and a rename)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('--monitoring', '--monitoring', [CompletionResultType]::ParameterName, 'Tabel 7 "Monitoring Pelaksanaan SOP AP": each procedure judged "berjalan dengan baik" or not by sop.toml''s [monitoring] rule, from the steps finished in the period, with a recap per month (--format table, json, csv, pdf or html)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sop;site' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'The folder to write the site into: made when missing; else one `sop site` wrote before (it holds .sop-site.json). Inside the records repository only where git ignores it')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'The folder to write the site into: made when missing; else one `sop site` wrote before (it holds .sop-site.json). Inside the records repository only where git ignores it')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sop;sync' {
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'The remote (default: the branch''s upstream remote, else origin)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sop;asset' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Register one asset')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Register or update many assets from CSV (with a header row) or JSON lines, in one commit')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Assets as committed, filtered')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One asset: its columns, status history and the requests about it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sop;asset;add' {
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'hardware, software or data')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'name')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'planned, in-stock, in-use, in-repair, transferred, disposed (default: in-use with a holder, else in-stock)')
            [CompletionResult]::new('--kode-barang', '--kode-barang', [CompletionResultType]::ParameterName, 'Kode barang (BMD goods code)')
            [CompletionResult]::new('--nup', '--nup', [CompletionResultType]::ParameterName, 'NUP (register number)')
            [CompletionResult]::new('--serial', '--serial', [CompletionResultType]::ParameterName, 'serial')
            [CompletionResult]::new('--licence', '--licence', [CompletionResultType]::ParameterName, 'licence')
            [CompletionResult]::new('--location', '--location', [CompletionResultType]::ParameterName, 'location')
            [CompletionResult]::new('--holder', '--holder', [CompletionResultType]::ParameterName, 'A person id or email from people.toml')
            [CompletionResult]::new('--unit', '--unit', [CompletionResultType]::ParameterName, 'unit')
            [CompletionResult]::new('--acquired', '--acquired', [CompletionResultType]::ParameterName, 'Acquisition date, YYYY-MM-DD')
            [CompletionResult]::new('--value', '--value', [CompletionResultType]::ParameterName, 'Acquisition value in whole rupiah')
            [CompletionResult]::new('--attr', '--attr', [CompletionResultType]::ParameterName, 'A free attribute, NAME=VALUE; repeat for several')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the asset id on stdout, nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the asset id on stdout, nothing on stderr but errors')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sop;asset;import' {
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Update the asset a row names instead of registering a new one: a column (serial, or id), or several in order of preference, each row matched by the first it has a value for, `+` joining columns that match together (serial,licence,kode_barang+nup)')
            [CompletionResult]::new('--input-format', '--input-format', [CompletionResultType]::ParameterName, 'The input''s format (default: JSON lines when it starts with ''{'', else CSV)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('--allow-duplicates', '--allow-duplicates', [CompletionResultType]::ParameterName, 'Without --key: register rows even when their serial, licence or kode_barang+nup is an asset''s already, or another row''s of the file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Validate only: report what would happen and write nothing')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sop;asset;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'status')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'kind')
            [CompletionResult]::new('--holder', '--holder', [CompletionResultType]::ParameterName, 'A person id or email')
            [CompletionResult]::new('--location', '--location', [CompletionResultType]::ParameterName, 'Assets whose location contains this text (any case)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sop;asset;show' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sop;asset;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Register one asset')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Register or update many assets from CSV (with a header row) or JSON lines, in one commit')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Assets as committed, filtered')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One asset: its columns, status history and the requests about it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sop;asset;help;add' {
            break
        }
        'sop;asset;help;import' {
            break
        }
        'sop;asset;help;list' {
            break
        }
        'sop;asset;help;show' {
            break
        }
        'sop;asset;help;help' {
            break
        }
        'sop;log' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sop;verify' {
            [CompletionResult]::new('--range', '--range', [CompletionResultType]::ParameterName, 'Only the commits in OLD..NEW, e.g. what a push brings; the state at OLD is trusted')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sop;completions' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'The records directory (default: $SOP_RECORDS, else the current folder and its parents)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (id or email in people.toml; default $SOP_ACTOR, else git''s user.email)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sop;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Make a records directory (and a git repository, when not inside one)')
            [CompletionResult]::new('procedure', 'procedure', [CompletionResultType]::ParameterValue, 'The SOP catalogue: list, show, check, graph, doc')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Create a request at the first step of a procedure')
            [CompletionResult]::new('advance', 'advance', [CompletionResultType]::ParameterValue, 'Complete the current task or decision step and move on')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve the current approval step')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Reject the current approval step, with a reason')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Withdraw an open request, with a reason')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Correct a request''s fields or title at a step you may act on (such as a returned form)')
            [CompletionResult]::new('comment', 'comment', [CompletionResultType]::ParameterValue, 'Add a comment to a request''s history, without moving it')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Give the current step to one person who holds its role')
            [CompletionResult]::new('unassign', 'unassign', [CompletionResultType]::ParameterValue, 'Give the current step back to every holder of its role')
            [CompletionResult]::new('hold', 'hold', [CompletionResultType]::ParameterValue, 'Put a request on hold (its clock stops) while it waits on something outside the office')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume a held request, or one whose end the procedure lets be resumed')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One request: fields, current step with its due time, and history; or its flow (--graph)')
            [CompletionResult]::new('print', 'print', [CompletionResultType]::ParameterValue, 'A request on paper (PDF or HTML): its form and history, or a step''s berita acara')
            [CompletionResult]::new('attachment', 'attachment', [CompletionResultType]::ParameterValue, 'The files attached to a request (with NAME: that file''s content)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Requests, newest first')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Counts per status and, per step, time taken against the standard time, with breaches; with --monitoring, Tabel 7 "Monitoring Pelaksanaan SOP AP" (each procedure judged) and a recap per month')
            [CompletionResult]::new('site', 'site', [CompletionResultType]::ParameterValue, 'Write the SOP catalogue and the requests as a static HTML site')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Pull (rebase) from the shared repository and push this office''s changes')
            [CompletionResult]::new('asset', 'asset', [CompletionResultType]::ParameterValue, 'The asset register: add, import, list, show')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'A request''s history with the commit of each change and its signature status')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Replay history and check every change; exit 6 when anything is wrong')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a static completion script (live values: `COMPLETE=SHELL sop`)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sop;help;init' {
            break
        }
        'sop;help;procedure' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The procedures of this office')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One procedure''s flow: each step, who does it, what it needs and where it leads')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Lint every procedure, sop.toml and people.toml; exit 3 on any finding')
            [CompletionResult]::new('graph', 'graph', [CompletionResultType]::ParameterValue, 'One procedure''s flowchart with a swimlane per role (--format mermaid, the default, or dot)')
            [CompletionResult]::new('doc', 'doc', [CompletionResultType]::ParameterValue, 'The SOP document as Permenpan RB 35/2012 lays it out: the identity page and the flow table (--format svg, pdf or html; svg by default)')
            break
        }
        'sop;help;procedure;list' {
            break
        }
        'sop;help;procedure;show' {
            break
        }
        'sop;help;procedure;check' {
            break
        }
        'sop;help;procedure;graph' {
            break
        }
        'sop;help;procedure;doc' {
            break
        }
        'sop;help;new' {
            break
        }
        'sop;help;advance' {
            break
        }
        'sop;help;approve' {
            break
        }
        'sop;help;reject' {
            break
        }
        'sop;help;cancel' {
            break
        }
        'sop;help;edit' {
            break
        }
        'sop;help;comment' {
            break
        }
        'sop;help;assign' {
            break
        }
        'sop;help;unassign' {
            break
        }
        'sop;help;hold' {
            break
        }
        'sop;help;resume' {
            break
        }
        'sop;help;show' {
            break
        }
        'sop;help;print' {
            break
        }
        'sop;help;attachment' {
            break
        }
        'sop;help;list' {
            break
        }
        'sop;help;report' {
            break
        }
        'sop;help;site' {
            break
        }
        'sop;help;sync' {
            break
        }
        'sop;help;asset' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Register one asset')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Register or update many assets from CSV (with a header row) or JSON lines, in one commit')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Assets as committed, filtered')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One asset: its columns, status history and the requests about it')
            break
        }
        'sop;help;asset;add' {
            break
        }
        'sop;help;asset;import' {
            break
        }
        'sop;help;asset;list' {
            break
        }
        'sop;help;asset;show' {
            break
        }
        'sop;help;log' {
            break
        }
        'sop;help;verify' {
            break
        }
        'sop;help;completions' {
            break
        }
        'sop;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
