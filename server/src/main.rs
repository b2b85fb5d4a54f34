//! `rounds`: serve the app (the default), add a school or a user, back up or restore, or
//! generate a large school.

use app::domain::{Login, Password, Role};
use app::ssr::people::auth::hash_password;
use app::ssr::people::store::UserRecord;
use app::ssr::store::{Actor, Store};
use clap::{Parser, Subcommand};
use server::anyhow_lite::Result;
use server::config::{DatabaseArgs, ServeArgs};
use std::io::{IsTerminal, Read};
use std::sync::Arc;

/// glibc's allocator spends a tenth of a page render in malloc/free under load; mimalloc less.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "rounds",
    version,
    about = "Rounds (校园巡检): QR tags, inspections and the asset register of a school"
)]
#[command(args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    serve: ServeArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the app (the default when no subcommand is given).
    Serve(ServeArgs),
    /// Manage users.
    User {
        #[command(subcommand)]
        action: UserCommand,
    },
    /// Manage the schools of a district server.
    School {
        #[command(subcommand)]
        action: SchoolCommand,
    },
    /// Copy the database and the photos into one archive file, while the server keeps running.
    Backup {
        /// The archive to write.
        #[arg(long)]
        to: std::path::PathBuf,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// Restore an archive made by `backup` into an empty data folder (and database).
    Restore {
        /// The archive to read.
        #[arg(long)]
        from: std::path::PathBuf,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// Fill an empty database with a generated district, for load tests.
    Generate {
        /// How many schools.
        #[arg(long, default_value_t = 1)]
        schools: usize,
        /// About how many assets, in all.
        #[arg(long, default_value_t = 100_000)]
        assets: usize,
        /// How many inspections, in all.
        #[arg(long, default_value_t = 0)]
        inspections: usize,
        #[command(flatten)]
        db: DatabaseArgs,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add a user; the password is prompted for, or read from standard input.
    Add {
        #[arg(long)]
        login: String,
        /// district_admin, admin, asset_manager, staff or teacher.
        #[arg(long)]
        role: String,
        /// The name shown to others; defaults to the login.
        #[arg(long)]
        name: Option<String>,
        /// The school (by name) the user belongs to; needed when the server has several.
        #[arg(long)]
        school: Option<String>,
        #[command(flatten)]
        db: DatabaseArgs,
    },
}

#[derive(Subcommand)]
enum SchoolCommand {
    /// Add a school with its first admin; the admin's password is prompted for, or read from
    /// standard input.
    Add {
        /// The school's name.
        #[arg(long)]
        name: String,
        /// The login of the school's first admin.
        #[arg(long)]
        admin: String,
        /// The admin's name shown to others; defaults to the login.
        #[arg(long)]
        admin_name: Option<String>,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// List the schools with their figures.
    List {
        #[command(flatten)]
        db: DatabaseArgs,
    },
}

fn read_password() -> Result<String> {
    if std::io::stdin().is_terminal() {
        return Ok(rpassword::prompt_password("Password: ")?);
    }
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s)?;
    Ok(s.trim_end_matches(['\n', '\r']).to_string())
}

/// A new account from the command line: the password read from the terminal or stdin.
async fn account(login: &str, name: Option<String>, role: Role) -> Result<UserRecord> {
    let login = Login::parse(login).map_err(|e| format!("login: {e:?}"))?;
    let password =
        Password::parse(&read_password()?).map_err(|_| "the password needs 8 to 128 characters")?;
    Ok(UserRecord {
        display_name: name.unwrap_or_else(|| login.as_str().to_string()),
        login: login.as_str().to_string(),
        role,
        active: true,
        password_hash: Some(hash_password(password.expose().to_string()).await?),
    })
}

/// The store of the school named `name`; with no name, of the server's only school.
async fn school_store(district: &dyn Store, name: Option<&str>) -> Result<Arc<dyn Store>> {
    let schools = district.schools().await?;
    let found: Vec<_> = schools
        .iter()
        .filter(|s| name.is_none_or(|n| s.school.name == n))
        .collect();
    match (found.as_slice(), name) {
        ([one], _) => Ok(district.for_school(one.school.id)),
        ([], Some(n)) => Err(format!("no school is named {n}").into()),
        ([], None) => Err("the server has no school yet: add one with `rounds school add`".into()),
        (_, _) => Err("the server has several schools: name one with --school".into()),
    }
}

async fn add_user(
    login: String,
    role: String,
    name: Option<String>,
    school: Option<String>,
    db: DatabaseArgs,
) -> Result<()> {
    let role = Role::parse(&role)
        .map_err(|_| "role must be district_admin, admin, asset_manager, staff or teacher")?;
    let record = account(&login, name, role).await?;
    let district = server::store::open(&db).await?;
    let store = if role == Role::DistrictAdmin {
        district
    } else {
        school_store(district.as_ref(), school.as_deref()).await?
    };
    let user = store.create_user(Actor::SYSTEM, record).await?;
    println!(
        "added {} ({}) with id {}",
        user.login,
        user.role.code(),
        user.id
    );
    Ok(())
}

async fn school(action: SchoolCommand) -> Result<()> {
    match action {
        SchoolCommand::Add {
            name,
            admin,
            admin_name,
            db,
        } => {
            let record = account(&admin, admin_name, Role::Admin).await?;
            let district = server::store::open(&db).await?;
            let school =
                app::ssr::school::add(district.as_ref(), Actor::SYSTEM, &name, record).await?;
            println!(
                "added {} with id {} and its admin {admin}",
                school.name, school.id
            );
        }
        SchoolCommand::List { db } => {
            let district = server::store::open(&db).await?;
            println!("school\tusers\trooms\tassets\tinspections\topen reports");
            for s in district.schools().await? {
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{}",
                    s.school.name, s.users, s.rooms, s.assets, s.inspections, s.open_reports
                );
            }
        }
    }
    Ok(())
}

async fn serve(args: ServeArgs) -> Result<()> {
    let state = server::prepare(&args).await?;
    let listener = tokio::net::TcpListener::bind(args.addr).await?;
    let (scheme, addr) = (
        if args.tls_cert.is_some() {
            "https"
        } else {
            "http"
        },
        listener.local_addr()?,
    );
    tracing::info!(
        "serving on {scheme}://{addr} (labels point at {})",
        state.settings.public_url
    );
    match (&args.tls_cert, &args.tls_key) {
        (Some(cert), Some(key)) => {
            server::serve_tls_on(listener.into_std()?, state, cert, key).await?
        }
        _ => server::serve_on(listener, state).await?,
    }
    Ok(())
}

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    let cli = Cli::parse();
    let result = match cli.command {
        None => serve(cli.serve).await,
        Some(Command::Serve(args)) => serve(args).await,
        Some(Command::User {
            action:
                UserCommand::Add {
                    login,
                    role,
                    name,
                    school,
                    db,
                },
        }) => add_user(login, role, name, school, db).await,
        Some(Command::School { action }) => school(action).await,
        Some(Command::Backup { to, db }) => server::backup::backup(&db, &to).await.map(|m| {
            println!(
                "backed up the {} database and {} photo files to {}",
                m.database,
                m.photo_files,
                to.display()
            )
        }),
        Some(Command::Restore { from, db }) => server::backup::restore(&db, &from).await.map(|m| {
            println!(
                "restored the backup of {} ({} photo files) into {}",
                m.made_at,
                m.photo_files,
                db.url()
            )
        }),
        Some(Command::Generate {
            schools,
            assets,
            inspections,
            db,
        }) => {
            async {
                let started = std::time::Instant::now();
                let store = server::store::open(&db).await?;
                let want = server::store::Generated {
                    schools,
                    assets,
                    inspections,
                };
                let made = server::store::load_generated(store.as_ref(), &want).await?;
                println!(
                    "generated {} schools, {} assets and {} inspections in {} in {:.1} s",
                    made.schools,
                    made.assets,
                    made.inspections,
                    db.url(),
                    started.elapsed().as_secs_f64()
                );
                Ok(())
            }
            .await
        }
    };
    if let Err(e) = result {
        eprintln!("rounds: {e}");
        std::process::exit(1);
    }
}
