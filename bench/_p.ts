import { parseCommand } from '../src/commands/command.js';
for (const t of process.argv.slice(2)) console.log(JSON.stringify(t), '->', JSON.stringify(parseCommand(t)));
