package uk.nhs.bob.primarycare.directory;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import uk.nhs.bob.primarycare.shared.OdsCode;

interface ListedServiceRepository extends JpaRepository<ListedService, Long> {

	@Query("select s from ListedService s order by s.name, s.id")
	List<ListedService> findAllOrderByName();

	@Query("select s from ListedService s where ?1 member of s.offers order by s.name, s.id")
	List<ListedService> findOffering(ServiceOffer offer);

	boolean existsByOdsCode(OdsCode odsCode);

	boolean existsByOdsCodeAndIdNot(OdsCode odsCode, Long id);

}
