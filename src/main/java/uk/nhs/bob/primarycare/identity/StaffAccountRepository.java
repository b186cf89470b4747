package uk.nhs.bob.primarycare.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StaffAccountRepository extends JpaRepository<StaffAccount, Long> {

	@Query("select a from StaffAccount a where lower(a.username) = lower(?1)")
	Optional<StaffAccount> findByUsername(String username);

	@Query("select count(a) > 0 from StaffAccount a join a.roles r where r = ?1 and a.enabled = true")
	boolean existsEnabledWithRole(Role role);

	List<StaffAccount> findAllByOrderByUsernameAsc();

}
