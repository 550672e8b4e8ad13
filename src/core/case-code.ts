// The case code of `ärende ny` is handed out by the one statement that writes the case (issue 19), so
// its message is built before the code exists, with this slot where the code goes; the statement
// fills it in. Random per process, so no typed text can contain it.
export const CASE_CODE_SLOT = `\u2063code-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}\u2063`;
