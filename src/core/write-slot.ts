// A one-statement write (issue 19) builds its posts before the row exists, so a post that names the
// new row's id (`åtgärd ny`: "Åtgärd #12 …", key `step.new:12`) carries this slot where the id goes and
// the statement fills it in. Random per process, so no typed text can contain it.
export const NEW_ID_SLOT = `\u2063id-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}\u2063`;
