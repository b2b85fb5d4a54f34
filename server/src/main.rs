//! `rounds`: serve the app (the default), add a user, back up or restore, or generate a large
//! school.

use app::domain::{Login, Password, Role};
use app::ssr::people::auth::hash_password;
use app::ssr::people::store::UserRecord;
use app::ssr::store::Actor;
use clap::{Parser, Subcommand};
use server::anyhow_lite::Result;
use server::config::{DatabaseArgs, ServeArgs};
use std::io::{IsTerminal, Read};

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
    /// Fill an empty database with a generated school, for load tests.
    Generate {
        /// About how many assets.
        #[arg(long, default_value_t = 100_000)]
        assets: usize,
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
        /// admin, asset_manager, staff or teacher.
        #[arg(long)]
        role: String,
        /// The name shown to others; defaults to the login.
        #[arg(long)]
        name: Option<String>,
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

async fn add_user(
    login: String,
    role: String,
    name: Option<String>,
    db: DatabaseArgs,
) -> Result<()> {
    let login = Login::parse(&login).map_err(|e| format!("login: {e:?}"))?;
    let role =
        Role::parse(&role).map_err(|_| "role must be admin, asset_manager, staff or teacher")?;
    let password =
        Password::parse(&read_password()?).map_err(|_| "the password needs 8 to 128 characters")?;
    let store = server::store::open(&db).await?;
    let record = UserRecord {
        display_name: name.unwrap_or_else(|| login.as_str().to_string()),
        login: login.as_str().to_string(),
        role,
        active: true,
        password_hash: Some(hash_password(password.expose().to_string()).await?),
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

async fn serve(args: ServeArgs) -> Result<()> {
    let state = server::prepare(&args).await?;
    let listener = tokio::net::TcpListener::bind(args.addr).await?;
    tracing::info!(
        "serving on http://{} (labels point at {})",
        listener.local_addr()?,
        state.settings.public_url
    );
    server::serve_on(listener, state).await?;
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
                    db,
                },
        }) => add_user(login, role, name, db).await,
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
        Some(Command::Generate { assets, db }) => {
            async {
                let store = server::store::open(&db).await?;
                server::store::load_generated(store.as_ref(), assets).await?;
                println!(
                    "generated a school of about {assets} assets in {}",
                    db.url()
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
