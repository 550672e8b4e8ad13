// Runs a command through its spec: the arguments are checked against the spec's zod shape (a form
// or a button builds commands too), a command without its parts opens the spec's form.
import type { HandlerContext } from './context.js';
import { UserError } from './errors.js';
import { specOf, type Command, type FormCommand } from './commands/index.js';
import type { Out } from './commands/spec.js';
import { buildForm } from './forms.js';
import { isFormCommand } from './grammar.js';

export async function dispatch(h: HandlerContext, c: Command | FormCommand): Promise<Out> {
  const spec = specOf(c.name);
  if (!spec) throw new UserError('notYet', { what: String(c.name).slice(0, 40) });
  if (isFormCommand(c)) {
    if (!spec.form) throw new UserError('usage', { group: spec.group });
    return { form: await buildForm(h, spec.form, c.form) };
  }
  const { name: _name, ...rest } = c as Command;
  const args = spec.args.safeParse(rest);
  if (!args.success) throw new UserError('usage', { group: spec.group });
  return spec.run(h, args.data);
}
