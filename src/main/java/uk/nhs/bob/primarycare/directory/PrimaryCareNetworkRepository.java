package uk.nhs.bob.primarycare.directory;

import org.springframework.data.jpa.repository.JpaRepository;

interface PrimaryCareNetworkRepository extends JpaRepository<PrimaryCareNetwork, String> {

}
