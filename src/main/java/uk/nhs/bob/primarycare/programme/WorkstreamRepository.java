package uk.nhs.bob.primarycare.programme;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface WorkstreamRepository extends JpaRepository<Workstream, String> {

	List<Workstream> findAllByOrderByDisplayOrder();

}
