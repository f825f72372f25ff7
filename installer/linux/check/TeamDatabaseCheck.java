import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.DriverManager;

/**
 * Run by installer/check-deb.sh on the installed runtime, with the installed jars: the PostgreSQL driver
 * and the HikariCP pool load and try a connection (to a closed port on 127.0.0.1, refused at once). A JDK
 * module missing from the jlinked runtime on that path shows as a LinkageError (NoClassDefFoundError) and
 * fails the check; a refused connection is what is expected. (The build checks every jar's JDK modules
 * with jdeps: installer/linux/package.sh.)
 */
public final class TeamDatabaseCheck {

    public static void main(String[] args) throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:1/check";
        Class.forName("org.postgresql.Driver");
        DriverManager.getDriver(url);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("check");
        config.setConnectionTimeout(250);
        config.setInitializationFailTimeout(1);
        config.setRegisterMbeans(true);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            System.err.println("a connection to a closed port succeeded");
            System.exit(1);
        } catch (LinkageError missing) {
            throw missing;
        } catch (RuntimeException refused) {
            Throwable cause = refused;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            System.out.println("driver and pool loaded; the connection was refused as expected (" + cause.getClass().getSimpleName() + ")");
        }
    }
}
