package uk.nhs.bob.primarycare.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import uk.nhs.bob.primarycare.shared.Role;

interface StaffAccountRepository extends JpaRepository<StaffAccount, Long> {

	@Query("select a from StaffAccount a where lower(a.username) = lower(?1)")
	Optional<StaffAccount> findByUsername(String username);

	@Query("select count(a) > 0 from StaffAccount a join a.roles r where r = ?1 and a.enabled = true")
	boolean existsEnabledWithRole(Role role);

	List<StaffAccount> findAllByOrderByUsernameAsc();

	/** The account linked to a person at an OpenID Connect provider. */
	Optional<StaffAccount> findByOidcIssuerAndOidcSubject(String issuer, String subject);

	@Query("select a from StaffAccount a where lower(a.email) = lower(?1)")
	Optional<StaffAccount> findByEmail(String email);

	/** Counts a failed sign-in in one statement, so parallel attempts neither lose counts nor conflict. */
	@Modifying
	@Query(value = """
			UPDATE identity.staff_user SET failed_sign_ins = failed_sign_ins + 1, last_failed_sign_in_at = now()
			WHERE lower(username) = lower(?1)""", nativeQuery = true)
	int recordFailedSignIn(String username);

	/** Clears the count of failed sign-ins after a successful one; writes nothing when there is nothing to clear. */
	@Modifying
	@Query(value = """
			UPDATE identity.staff_user SET failed_sign_ins = 0, locked_until = NULL
			WHERE lower(username) = lower(?1) AND (failed_sign_ins > 0 OR locked_until IS NOT NULL)""",
			nativeQuery = true)
	int clearFailedSignIns(String username);

}
