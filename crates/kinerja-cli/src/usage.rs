//! clap's help in the chosen language. The help texts are the catalogue's
//! already (`args.rs`); what clap writes itself — headings, the help and
//! version flags, `[default: …]`, possible values, the `help` subcommand —
//! is set here through clap's own settings. Its errors: `clap_error.rs`.

use clap::{Arg, ArgAction, Command};
use kinerja_pesan::msg;

use crate::pesan::{h, t};

/// The command with clap's own words in the chosen language. Headings and
/// the help and version flags are set before clap builds the command; the
/// texts of every argument after, when the global `--lang` has reached
/// every subcommand and clap has added its `help` subcommand.
pub fn command(cmd: Command) -> Command {
    let mut cmd = headings(cmd);
    cmd.build();
    texts(cmd)
}

/// `kinerja help`, built by clap as a tree of the commands it can explain.
fn help_words(help: Command) -> Command {
    let help = help.help_template(template()).subcommand_help_heading(h(msg::cli_commands_heading()));
    let help = if help.get_name() == "help" { help.about(h(msg::cli_help_subcommand())) } else { help };
    help.mut_subcommands(help_words)
}

fn template() -> String {
    format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        h(msg::cli_usage_heading())
    )
}

/// The help and version flags go after every other option, as clap's own do.
const LAST: usize = 1_000_000;

fn headings(cmd: Command) -> Command {
    let help = Arg::new("help").short('h').long("help").action(ArgAction::Help).display_order(LAST);
    let cmd = cmd
        .help_template(template())
        .subcommand_help_heading(h(msg::cli_commands_heading()))
        .disable_help_flag(true)
        .arg(help);
    let cmd = if cmd.get_name() == "kinerja" {
        let version = Arg::new("version").short('V').long("version").action(ArgAction::Version).display_order(LAST + 1);
        cmd.disable_version_flag(true).arg(version.help(h(msg::cli_version_flag())))
    } else {
        cmd
    };
    cmd.mut_args(|a| {
        let heading = if a.is_positional() { msg::cli_arguments_heading() } else { msg::cli_options_heading() };
        a.help_heading(h(heading))
    })
    .mut_subcommands(headings)
}

/// Every argument's help with its default and possible values in words.
/// A command some of whose values carry their own help is shown in clap's
/// long form by `--help`: values listed one per line, the rest of the
/// argument's words in a paragraph of their own.
fn texts(cmd: Command) -> Command {
    let long = cmd.get_arguments().any(|a| a.get_possible_values().iter().any(|v| v.get_help().is_some()));
    let cmd = cmd.mut_args(|a| if a.get_id() == "help" { help_flag(a, long) } else { arg_texts(a, long) });
    cmd.mut_subcommands(|sub| if sub.get_name() == "help" { help_words(sub) } else { texts(sub) })
}

fn help_flag(a: Arg, long: bool) -> Arg {
    if long {
        a.help(h(msg::cli_help_flag_short())).long_help(h(msg::cli_help_flag_long()))
    } else {
        a.help(h(msg::cli_help_flag()))
    }
}

fn arg_texts(a: Arg, long: bool) -> Arg {
    if !a.get_action().takes_values() {
        return a;
    }
    let mut extra = Vec::new();
    let defaults: Vec<String> = a.get_default_values().iter().map(|d| d.to_string_lossy().into_owned()).collect();
    if !defaults.is_empty() {
        extra.push(t(&msg::cli_default(defaults.join(", "))));
    }
    let values: Vec<_> = a.get_possible_values().into_iter().filter(|v| !v.is_hide_set()).collect();
    let listed = long && values.iter().any(|v| v.get_help().is_some());
    let mut short_extra = extra.clone();
    if !values.is_empty() && !a.is_hide_possible_values_set() {
        let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
        short_extra.push(t(&msg::cli_possible_values(names.join(", "))));
        if !listed {
            extra.push(t(&msg::cli_possible_values(names.join(", "))));
        }
    }
    if let Some(aliases) = a.get_visible_aliases().filter(|v| !v.is_empty()) {
        extra.push(t(&msg::cli_aliases(aliases.join(", "))));
        short_extra.push(t(&msg::cli_aliases(aliases.join(", "))));
    }
    let help = a.get_help().map(ToString::to_string).unwrap_or_default();
    let short = std::iter::once(help.clone()).chain(short_extra).collect::<Vec<_>>().join(" ");
    let a = a.hide_default_value(true).hide_possible_values(true);
    if !long {
        return a.help(short);
    }
    let mut paragraphs = vec![help];
    if listed {
        let width = values.iter().map(|v| v.get_name().chars().count()).max().unwrap_or(0);
        let lines = values.iter().map(|v| match v.get_help() {
            Some(text) => format!("- {}: {:pad$}{text}", v.get_name(), "", pad = width - v.get_name().chars().count()),
            None => format!("- {}", v.get_name()),
        });
        paragraphs
            .push(std::iter::once(t(&msg::cli_possible_values_heading())).chain(lines).collect::<Vec<_>>().join("\n"));
    }
    if !extra.is_empty() {
        paragraphs.push(extra.join(" "));
    }
    a.help(short).long_help(paragraphs.join("\n\n"))
}
